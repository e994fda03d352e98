// The context an office passes is checked at synth, and every refusal names its key.
import { describe, expect, it } from 'vitest';
import { contextKeys, defaultStackName, readDeployConfig, type DeployEnvironment } from '../../infra/deploy-config';

const acmCertificate = 'arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab';
const read = (context: Record<string, unknown>, environment: DeployEnvironment = {}) =>
  readDeployConfig((key) => context[key], environment);

describe('readDeployConfig', () => {
  it('gives an environment-agnostic stack without WAF or CMS when nothing is set', () => {
    expect(read({})).toEqual({
      stackName: defaultStackName,
      region: undefined,
      account: undefined,
      china: false,
      domain: undefined,
      certificateArn: undefined,
      iamCertificateId: undefined,
      alarmEmail: undefined,
      waf: false,
      cms: undefined,
    });
  });

  it('takes the region from context before the CLI default, and knows China regions by it', () => {
    expect(read({}, { CDK_DEFAULT_REGION: 'eu-west-1' }).region).toBe('eu-west-1');
    const china = {
      region: 'cn-northwest-1',
      domain: 'nianbao.example.gov.cn',
      iamCertificateId: 'ASCAEXAMPLE12345678',
    };
    expect(read(china, { CDK_DEFAULT_REGION: 'eu-west-1' })).toMatchObject({ region: 'cn-northwest-1', china: true });
  });

  it('reads flags given as -c strings or cdk.json booleans, and refuses anything else', () => {
    expect(read({ waf: 'true', region: 'us-east-1' }).waf).toBe(true);
    expect(read({ waf: true, region: 'us-east-1' }).waf).toBe(true);
    expect(read({ waf: 'false' }).waf).toBe(false);
    expect(() => read({ waf: 'yes' })).toThrow('context key "waf": expected true or false, got "yes"');
  });

  it.each([
    [{ alarmEmail: 'ops' }, contextKeys.alarmEmail],
    [{ domain: 'Not A Host' }, contextKeys.domain],
    [{ domain: 'nianbao.example.org' }, contextKeys.certificateArn],
    [{ certificateArn: acmCertificate }, contextKeys.domain],
    [{ domain: 'a.example.org', certificateArn: acmCertificate.replace('us-east-1', 'eu-west-1') }, 'certificateArn'],
    [{ waf: 'true' }, contextKeys.waf],
    [{ iamCertificateId: 'ASCAEXAMPLE12345678' }, contextKeys.iamCertificateId],
    [{ region: 'cn-north-1' }, contextKeys.domain],
    [{ region: 'cn-north-1', domain: 'a.example.cn' }, contextKeys.iamCertificateId],
    [{ cms: 'true', region: 'eu-west-1' }, contextKeys.cmsCertificateArn],
    [{ cms: 'true', cmsCertificateArn: acmCertificate }, contextKeys.region],
    [
      { cms: 'true', region: 'eu-west-1', cmsCertificateArn: acmCertificate, cmsAllowedCidrs: '10.0.0.0/8,x' },
      'cmsAllowedCidrs',
    ],
    [{ stackName: 3 }, contextKeys.stackName],
  ])('refuses %j naming the key', (context, key) => {
    expect(() => read(context)).toThrow(`context key "${key}"`);
  });

  it('refuses in China what CloudFront there cannot do', () => {
    const china = { region: 'cn-north-1', domain: 'nianbao.example.gov.cn', iamCertificateId: 'ASCAEXAMPLE12345678' };
    expect(() => read({ ...china, waf: 'true' })).toThrow('context key "waf": AWS WAF in cn-north-1 is regional only');
    expect(() => read({ ...china, certificateArn: acmCertificate })).toThrow('context key "certificateArn"');
  });

  it('reads the CMS options', () => {
    const cms = read({
      cms: 'true',
      region: 'eu-west-1',
      cmsCertificateArn: 'arn:aws:acm:eu-west-1:111122223333:certificate/abc',
      cmsDomain: 'cms.example.gov.cn',
      cmsAllowedCidrs: '203.0.113.0/24, 198.51.100.7/32',
    }).cms;
    expect(cms).toEqual({
      certificateArn: 'arn:aws:acm:eu-west-1:111122223333:certificate/abc',
      domain: 'cms.example.gov.cn',
      allowedCidrs: ['203.0.113.0/24', '198.51.100.7/32'],
      nodeImage: undefined,
    });
  });
});
