package io.qualityhub.local;

/**
 * One capability's part of {@code ./qualityhub demo}, run after intake on the same local
 * deployment. A step prints what it does, writes its files under the output directory and adds its
 * section to {@code summary.json}. Register new steps in {@link DemoSteps#all()}.
 */
interface DemoStep {

  /** A few words for the console, e.g. "deadline monitor". */
  String name();

  void run(DemoContext context) throws Exception;
}
