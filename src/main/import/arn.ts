/**
 * AWS ARNs: `arn:<partition>:<service>:<region>:<account>:<resource>`. The resource part may hold
 * further colons (`db:orders`, `function:resize:live`), so only the first five separators split.
 * Region and account are empty for global resources (S3 buckets, IAM, CloudFront).
 */

export interface ArnParts {
  partition: string;
  service: string;
  /** Empty for global resources. */
  region: string;
  /** Empty for S3 buckets. */
  account: string;
  resource: string;
}

const ARN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|)?:(.+)$/i;

/** True for strings that look like an AWS ARN. */
export function isArn(value: string): boolean {
  return ARN.test(value.trim());
}

/** Split an ARN into its parts; null when the text is not an ARN. */
export function parseArn(value: string): ArnParts | null {
  const m = ARN.exec(value.trim());
  if (!m) return null;
  return { partition: m[1] ?? 'aws', service: (m[2] ?? '').toLowerCase(), region: m[3] ?? '', account: m[4] ?? '', resource: m[5] ?? '' };
}
