// The optional AWS WAF web ACL in front of CloudFront (`-c waf=true`). A CloudFront web ACL must be created in
// us-east-1: the app puts this construct in the main stack when that is the region, else in a small stack there.
import { Stack } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/** AWS managed rule groups, in evaluation order: known-bad sources first, then request shapes. */
export const managedRuleGroups = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesCommonRuleSet',
] as const;

/** Requests per client IP in any 5 minutes before it is blocked: a reader never comes near; a scraper loop does. */
export const requestsPerIpPer5Minutes = 2000;

const visibility = (metricName: string) => ({
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
  metricName,
});

export class EdgeWebAcl extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const region = Stack.of(this).region;
    if (region !== 'us-east-1') throw new Error(`EdgeWebAcl must be in us-east-1 (CloudFront scope), not ${region}`);
    const managed = managedRuleGroups.map((name, priority): CfnWebACL.RuleProperty => ({
      name,
      priority,
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      overrideAction: { none: {} },
      visibilityConfig: visibility(name),
    }));
    const rateLimit: CfnWebACL.RuleProperty = {
      name: 'RequestsPerIp',
      priority: managed.length,
      statement: { rateBasedStatement: { limit: requestsPerIpPer5Minutes, aggregateKeyType: 'IP' } },
      action: { block: {} },
      visibilityConfig: visibility('RequestsPerIp'),
    };
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      rules: [...managed, rateLimit],
      visibilityConfig: visibility('NianbaoArchive'),
    });
  }
}
