import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyResourceType } from '@core/classify';
import { classifyProviderType, resolveArnResource } from '@core/classify-providers';
import awsModel from '@resources/models/aws-2026-12.json';

const CONFIG_TYPES = readFileSync(join(__dirname, '../fixtures/providers/aws-config-resource-types.txt'), 'utf8').trim().split('\n');

describe('AWS resource types', () => {
  it.each([
    // type, AWS category, standard column, confidence, needs review
    ['AWS::EC2::Instance', 'infrastructure', 'iaas', 'high', false],
    ['aws::ec2::volume', 'infrastructure', 'iaas', 'high', false],
    ['AWS::EC2::SecurityGroup', 'infrastructure', 'iaas', 'high', false],
    ['AWS::RDS::DBInstance', 'container', 'paas', 'high', false],
    ['AWS::ElasticBeanstalk::Environment', 'container', 'paas', 'high', false],
    ['AWS::ElastiCache::CacheCluster', 'container', 'paas', 'medium', false],
    ['AWS::S3::Bucket', 'abstracted', 'paas', 'high', false],
    ['AWS::DynamoDB::Table', 'abstracted', 'paas', 'high', false],
    ['AWS::IAM::Role', 'abstracted', 'saas', 'medium', false],
    ['AWS::Lambda::Function', 'container', 'paas', 'medium', true],
    ['AWS::EKS::Cluster', 'container', 'paas', 'medium', true],
    ['AWS::WorkSpaces::Workspace', 'infrastructure', 'iaas', 'medium', true],
    ['AWS::Lightsail::Instance', 'infrastructure', 'iaas', 'medium', false],
    ['AWS::Lightsail::Bucket', 'abstracted', 'paas', 'medium', false]
  ] as const)('%s → %s (%s), %s confidence, review %s', (type, category, standard, confidence, needsReview) => {
    const c = classifyProviderType(type, 'aws');
    expect(c).toMatchObject({ provider: 'aws', category, serviceModel: standard, confidence, needsReview });
    expect(c?.reason).toMatch(/\.$/);
    // The classifier used by the import gives the same standard answer.
    expect(classifyResourceType({ type, provider: 'aws' })).toMatchObject({ serviceModel: standard, needsReview });
  });

  it('says why in words, naming AWS’s own examples and the rule', () => {
    expect(classifyProviderType('AWS::EC2::Instance', 'aws')?.reason).toBe(
      'AWS names Amazon EC2 and Amazon VPC among its infrastructure services: the customer runs the operating system and everything above it, or builds the virtual network, on AWS compute, storage and network. Under a model with IaaS/PaaS/SaaS columns: IaaS.'
    );
    expect(classifyProviderType('AWS::ElastiCache::CacheCluster', 'aws')?.reason).toMatch(/^Demarc classes Amazon ElastiCache with AWS's container services: AWS runs the operating system/);
    expect(classifyProviderType('AWS::EKS::Cluster', 'aws')?.reason).toMatch(/node groups are EC2 instances .* Demarc uses container services\./);
  });

  it('answers every type in AWS Config’s resource schema with a column of the AWS model', () => {
    const columns = new Set(awsModel.serviceModels);
    expect(CONFIG_TYPES.length).toBeGreaterThan(400);
    for (const type of CONFIG_TYPES) {
      const c = classifyProviderType(type, '');
      expect({ type, category: c?.category !== null && columns.has(c?.category ?? '') }).toEqual({ type, category: true });
    }
  });

  it('never guesses an unknown service, and flags an ARN type it could not name', () => {
    expect(classifyProviderType('AWS::Nope::Thing', 'aws')).toMatchObject({ serviceModel: null, category: null, confidence: 'none', needsReview: true });
    expect(classifyProviderType('AWS::Nope::Thing', 'aws')?.reason).toMatch(/Demarc's AWS table has no service “nope”/);
    expect(classifyProviderType('ec2:reserved-instances', 'aws')).toMatchObject({ category: 'infrastructure', serviceModel: 'iaas', confidence: 'low', needsReview: true });
    expect(classifyProviderType('nope:thing', 'aws')).toMatchObject({ serviceModel: null, needsReview: true });
    // Without the aws provider, a word with a colon is not taken for an ARN type.
    expect(classifyProviderType('ec2:thing', 'other')).toBeNull();
  });
});

describe('ARNs', () => {
  it.each([
    ['ec2', 'instance/i-0a1b2c3d4e5f67890', 'AWS::EC2::Instance', 'i-0a1b2c3d4e5f67890'],
    ['ec2', 'security-group/sg-0123456789abcdef0', 'AWS::EC2::SecurityGroup', 'sg-0123456789abcdef0'],
    ['s3', 'acme-invoices-prod', 'AWS::S3::Bucket', 'acme-invoices-prod'],
    ['s3', 'accesspoint', 'AWS::S3::Bucket', 'accesspoint'],
    ['s3', 'accesspoint/finance', 'AWS::S3::AccessPoint', 'finance'],
    ['rds', 'db:orders-prod', 'AWS::RDS::DBInstance', 'orders-prod'],
    ['rds', 'cluster:aurora-main', 'AWS::RDS::DBCluster', 'aurora-main'],
    ['lambda', 'function:resize-images', 'AWS::Lambda::Function', 'resize-images'],
    ['elasticloadbalancing', 'loadbalancer/app/web-alb/50dc6c495c0c9188', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'web-alb'],
    ['elasticloadbalancing', 'loadbalancer/legacy-clb', 'AWS::ElasticLoadBalancing::LoadBalancer', 'legacy-clb'],
    ['elasticloadbalancing', 'targetgroup/web-tg/73e2d6bc24d8a067', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'web-tg'],
    ['autoscaling', 'autoScalingGroup:8a1b2c3d-0000-1111-2222-333344445555:autoScalingGroupName/web-asg', 'AWS::AutoScaling::AutoScalingGroup', 'web-asg'],
    ['iam', 'role/service-role/lambda-exec', 'AWS::IAM::Role', 'lambda-exec'],
    ['logs', 'log-group:/aws/lambda/resize-images:*', 'AWS::Logs::LogGroup', '/aws/lambda/resize-images'],
    ['apigateway', '/restapis/a1b2c3d4e5', 'AWS::ApiGateway::RestApi', 'a1b2c3d4e5'],
    ['sns', 'alerts', 'AWS::SNS::Topic', 'alerts'],
    ['wafv2', 'regional/webacl/edge-acl/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111', 'AWS::WAFv2::WebACL', 'edge-acl'],
    ['cloudformation', 'stack/network/1c2fa620-982a-11e3-aff7-50e2416294e0', 'AWS::CloudFormation::Stack', 'network'],
    ['ec2', 'reserved-instances/abc', 'ec2:reserved-instances', 'abc']
  ])('%s %s → %s named %s', (service, resource, type, name) => {
    expect(resolveArnResource(service, resource)).toEqual({ type, name });
  });

  it('knows no service it has no table for', () => {
    expect(resolveArnResource('madeup', 'thing/1')).toBeNull();
  });
});

describe('Google Cloud asset types', () => {
  it.each([
    ['compute.googleapis.com/Instance', 'iaas', 'high', false],
    ['compute.googleapis.com/Firewall', 'iaas', 'high', false],
    ['storage.googleapis.com/Bucket', 'iaas', 'medium', true],
    ['container.googleapis.com/Cluster', 'paas', 'medium', true],
    ['bigquery.googleapis.com/Dataset', 'paas', 'high', false],
    ['sqladmin.googleapis.com/Instance', 'paas', 'medium', false],
    ['cloudfunctions.googleapis.com/Function', 'paas', 'medium', true],
    ['iam.googleapis.com/ServiceAccount', 'saas', 'medium', false],
    ['cloudresourcemanager.googleapis.com/Project', 'saas', 'medium', false]
  ] as const)('%s → %s, %s confidence, review %s', (type, model, confidence, needsReview) => {
    const c = classifyProviderType(type, 'gcp');
    expect(c).toMatchObject({ provider: 'gcp', category: model, serviceModel: model, confidence, needsReview });
    // Routed before the ARM rules: `compute.googleapis.com/instance` also has the shape of an ARM type.
    expect(classifyResourceType({ type, provider: 'gcp' })).toMatchObject({ serviceModel: model, needsReview });
    expect(classifyResourceType({ type: type.toLowerCase(), provider: null })).toMatchObject({ serviceModel: model });
  });

  it('cites Google’s own list where the page names the service', () => {
    expect(classifyProviderType('appengine.googleapis.com/Application', 'gcp')?.reason).toBe(
      'Google names App Engine among its PaaS: Google runs the operating system and the runtime, and the customer configures the service and supplies its code, schemas or data.'
    );
  });

  it('never guesses an unknown Google service', () => {
    expect(classifyProviderType('madeup.googleapis.com/Thing', 'gcp')).toMatchObject({ serviceModel: null, needsReview: true, confidence: 'none' });
  });
});
