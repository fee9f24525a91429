import { describe, it, expect } from 'vitest';
import { compileSecurityTools, isSecurityTool, matchSecurityTool } from '@core/security-tools';

const tool = (type: string | null, name = 'x', sku: string | null = null) => ({ type, name, sku });

describe('isSecurityTool', () => {
  it('recognises security tools whatever the case of the ARM type', () => {
    for (const type of [
      'Microsoft.Security/automations',
      'microsoft.securityinsights/alertRules',
      'Microsoft.Network/azureFirewalls',
      'Microsoft.Network/firewallPolicies',
      'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies',
      'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies',
      'Microsoft.Network/ddosProtectionPlans',
      'Microsoft.KeyVault/vaults',
      'Microsoft.KeyVault/managedHSMs',
      'Microsoft.Network/networkSecurityGroups',
      'Microsoft.Network/bastionHosts'
    ]) {
      expect([type, isSecurityTool(tool(type))]).toEqual([type, true]);
    }
  });

  it('recognises Sentinel by its workspace solution name, only on that type', () => {
    expect(matchSecurityTool(tool('Microsoft.OperationsManagement/solutions', 'SecurityInsights(law-prod)'))?.label).toBe('Microsoft Sentinel (workspace solution)');
    expect(isSecurityTool(tool('Microsoft.OperationsManagement/solutions', 'ContainerInsights(law-prod)'))).toBe(false);
    expect(isSecurityTool(tool('Microsoft.Web/sites', 'SecurityInsights(law-prod)'))).toBe(false);
  });

  it('counts an Application Gateway only on a WAF SKU', () => {
    expect(isSecurityTool(tool('Microsoft.Network/applicationGateways', 'agw', 'WAF_v2'))).toBe(true);
    expect(isSecurityTool(tool('Microsoft.Network/applicationGateways', 'agw', 'Standard_v2'))).toBe(false);
    expect(isSecurityTool(tool('Microsoft.Network/applicationGateways', 'agw', null))).toBe(false);
  });

  it('leaves ordinary resources and plain Log Analytics workspaces out', () => {
    expect(isSecurityTool(tool('Microsoft.Compute/virtualMachines'))).toBe(false);
    expect(isSecurityTool(tool('Microsoft.OperationalInsights/workspaces'))).toBe(false);
    expect(isSecurityTool(tool(null))).toBe(false);
  });

  it('refuses a malformed list', () => {
    expect(() => compileSecurityTools({ description: '', tools: [{ match: 'glob', value: 'x', label: 'l', reason: 'r' }], notSecurityTools: [] })).toThrow();
  });
});
