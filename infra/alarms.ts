import { Duration } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as actions from "aws-cdk-lib/aws-cloudwatch-actions";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import type { Construct } from "constructs";

const FIVE_MINUTES = Duration.minutes(5);

/** One place for alarms: every alarm notifies the topic, which emails the operator (after they confirm). */
export function alarmTopic(scope: Construct, operatorEmail: string | undefined): sns.Topic {
  const topic = new sns.Topic(scope, "Alarms", { displayName: "thidua alarms", enforceSSL: true });
  if (operatorEmail) topic.addSubscription(new subscriptions.EmailSubscription(operatorEmail));
  return topic;
}

/** Alarms when the metric reaches `threshold` (default 1: any occurrence) in one period. */
export function alarmOn(
  scope: Construct,
  id: string,
  topic: sns.ITopic,
  metric: cloudwatch.IMetric,
  description: string,
  threshold = 1,
): cloudwatch.Alarm {
  const alarm = new cloudwatch.Alarm(scope, id, {
    metric,
    threshold,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    alarmDescription: description,
  });
  alarm.addAlarmAction(new actions.SnsAction(topic));
  return alarm;
}

/** Errors and throttles of one function, summed over five minutes. */
export function functionAlarms(scope: Construct, id: string, topic: sns.ITopic, fn: lambda.IFunction) {
  return [
    alarmOn(scope, `${id}Errors`, topic, fn.metricErrors({ period: FIVE_MINUTES, statistic: "Sum" }), `${id}: errors`),
    alarmOn(
      scope,
      `${id}Throttles`,
      topic,
      fn.metricThrottles({ period: FIVE_MINUTES, statistic: "Sum" }),
      `${id}: throttled invocations`,
    ),
  ];
}

export { FIVE_MINUTES };
