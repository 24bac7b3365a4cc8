package io.qualityhub.local;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The classes that check the sample day's demo run ({@link SharedDemo}), as one suite: surefire hands a suite to one
 * fork, and the demo runs once per JVM. As separate classes they landed in both of the module's forks, and each fork
 * ran the demo (docs/testing.md, "Run time"). The module's surefire configuration runs them only through this suite;
 * {@code -Dtest=} still runs any of them alone.
 */
@Suite
@SelectClasses({FunctionLogsEndToEndTest.class, DemoFiguresEndToEndTest.class, FunctionPermissionsTest.class})
class SharedDemoTests {
}
