/**
 * CloudFormation values made concrete, offline: what a synthesized template's intrinsic functions (`Ref`,
 * `Fn::GetAtt`, `Fn::Join`, `Fn::ImportValue` across the app's stacks) would become once deployed, with
 * plausible physical names in place of the ones AWS picks. The IAM simulation evaluates policies on
 * these ARNs; the deploy rehearsal gives them to the functions as their environment.
 */

export const ACCOUNT = "123456789012";
export const REGION = "ap-southeast-1";

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON, walked by shape
type Json = any;
export interface TemplateJson {
  Resources?: Record<string, { Type: string; Properties?: Json }>;
  Outputs?: Record<string, { Value: Json; Export?: { Name: string } }>;
}

/** A resolver over the templates of one app: an import names an output of another stack. */
export function templateValues(templates: TemplateJson[]) {
  const exports = new Map<string, { template: TemplateJson; value: Json }>();
  for (const template of templates)
    for (const output of Object.values(template.Outputs ?? {}))
      if (output.Export) exports.set(String(output.Export.Name), { template, value: output.Value });

  const physicalName = (id: string, resource: { Properties?: Json }, nameProperty: string) =>
    typeof resource.Properties?.[nameProperty] === "string"
      ? (resource.Properties[nameProperty] as string)
      : `test-${id.toLowerCase()}`;

  function ref(template: TemplateJson, id: string): string {
    if (id === "AWS::Partition") return "aws";
    if (id === "AWS::Region") return REGION;
    if (id === "AWS::AccountId") return ACCOUNT;
    if (id === "AWS::URLSuffix") return "amazonaws.com";
    if (id === "AWS::StackName") return "test-stack";
    const resource = template.Resources?.[id];
    if (!resource) throw new Error(`Ref to ${id}, which the template does not have`);
    switch (resource.Type) {
      case "AWS::DynamoDB::Table":
        return physicalName(id, resource, "TableName");
      case "AWS::S3::Bucket":
        return physicalName(id, resource, "BucketName");
      case "AWS::IAM::Role":
        return physicalName(id, resource, "RoleName");
      case "AWS::Lambda::Function":
        return physicalName(id, resource, "FunctionName");
      case "AWS::Cognito::UserPool":
        return `${REGION}_${id.slice(0, 9)}`;
      case "AWS::SNS::Topic":
        return `arn:aws:sns:${REGION}:${ACCOUNT}:${id}`;
      case "AWS::SQS::Queue":
        return `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${id}`;
      default:
        return `test-${id.toLowerCase()}`;
    }
  }

  function getAtt(template: TemplateJson, id: string, attribute: string): string {
    const resource = template.Resources?.[id];
    if (!resource) throw new Error(`Fn::GetAtt of ${id}, which the template does not have`);
    const name = ref(template, id);
    const key = `${resource.Type}.${attribute}`;
    switch (key) {
      case "AWS::DynamoDB::Table.Arn":
        return `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`;
      case "AWS::DynamoDB::Table.StreamArn":
        return `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}/stream/2026-01-01T00:00:00.000`;
      case "AWS::S3::Bucket.Arn":
        return `arn:aws:s3:::${name}`;
      case "AWS::IAM::Role.Arn":
        return `arn:aws:iam::${ACCOUNT}:role/${name}`;
      case "AWS::Lambda::Function.Arn":
        return `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
      case "AWS::Cognito::UserPool.Arn":
        return `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${name}`;
      case "AWS::Cognito::UserPool.ProviderURL":
        return `cognito-idp.${REGION}.amazonaws.com/${name}`;
      case "AWS::SQS::Queue.Arn":
        return `arn:aws:sqs:${REGION}:${ACCOUNT}:${id}`;
      default:
        return `test-${id.toLowerCase()}-${attribute.toLowerCase()}`;
    }
  }

  function resolve(template: TemplateJson, value: Json): Json {
    if (Array.isArray(value)) return value.map((v) => resolve(template, v));
    if (value === null || typeof value !== "object") return value;
    if ("Ref" in value) return ref(template, value.Ref);
    if ("Fn::GetAtt" in value) {
      const [id, attribute] = value["Fn::GetAtt"] as [string, string];
      return getAtt(template, id, attribute);
    }
    if ("Fn::Join" in value) {
      const [separator, parts] = value["Fn::Join"] as [string, Json[]];
      return parts.map((p) => resolve(template, p)).join(separator);
    }
    if ("Fn::ImportValue" in value) {
      const name = resolve(template, value["Fn::ImportValue"]) as string;
      const exported = exports.get(name);
      if (!exported) throw new Error(`Fn::ImportValue of ${name}, which no stack exports`);
      return resolve(exported.template, exported.value);
    }
    if ("Fn::Select" in value) {
      const [index, list] = value["Fn::Select"] as [number, Json];
      return (resolve(template, list) as Json[])[index];
    }
    if ("Fn::Split" in value) {
      const [separator, text] = value["Fn::Split"] as [string, Json];
      return (resolve(template, text) as string).split(separator);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(template, v)]));
  }

  return { resolve };
}
