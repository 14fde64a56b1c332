import { type App, Aspects } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";

/** Adds the AWS Solutions rules to an app (accepted findings: infra/accept-findings.ts); they run at synthesis. */
export function checkBestPractices(app: App): void {
  Aspects.of(app).add(new AwsSolutionsChecks());
}

/** Every finding not accepted, once the app is synthesized: `<resource path> <rule>: <message>`. */
export function unacceptedFindings(app: App): string[] {
  return app
    .synth()
    .stacks.flatMap((stack) =>
      stack.messages
        .filter((m) => m.level !== "info" && String(m.entry.data).startsWith("AwsSolutions-"))
        .map((m) => `${m.id} ${String(m.entry.data).split("\n")[0]}`),
    );
}
