package io.qualityhub.local.generate;

/** Product lines and the product codes the fictitious insurer sells in each. */
final class Products {

    static final String[] LINES = {"life", "health", "accident", "property", "auto"};

    private Products() {
    }

    static String codeFor(String line, Fakes fakes) {
        return switch (line) {
            case "life" -> fakes.pick(new String[] {"LF-WL20", "LF-TERM20", "LF-ANN08", "LF-USD10"});
            case "health" -> fakes.pick(new String[] {"HL-MED05", "HL-CI30"});
            case "accident" -> fakes.pick(new String[] {"AC-PA10", "AC-TRV02"});
            case "property" -> fakes.pick(new String[] {"PR-HOME3", "PR-FIRE1"});
            case "auto" -> fakes.pick(new String[] {"AU-CAR01", "AU-MOTO1"});
            default -> throw new IllegalArgumentException("unknown product line " + line);
        };
    }
}
