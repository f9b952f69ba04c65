import {
  DEFAULT_HUBSPOT_TOKEN,
  type HubspotSandbox,
  type HubspotSandboxOptions,
  type OdooSandbox,
  type OdooSandboxOptions,
  startHubspotSandbox,
  startOdooSandbox,
} from '@ferry/testkit';

/** The CRM and the ERP of the demo, and the environment that points ferry.yaml at them. */
export interface DemoSystems {
  crm: HubspotSandbox;
  erp: OdooSandbox;
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface DemoSystemsOptions {
  crm?: HubspotSandboxOptions;
  erp?: OdooSandboxOptions;
  /** Add the demo's deals and the CRM contacts that are near-duplicates of ERP customers. Default true. */
  demoData?: boolean;
}

/**
 * Starts the HubSpot sandbox (the CRM: seeded contacts, no products or deals of its own) and
 * the Odoo sandbox (the ERP: seeded customers, products with stock, credit check on), on free
 * 127.0.0.1 ports, and adds the demo's data: CRM contacts that are near-duplicates of ERP
 * customers (other case, other spelling), and three deals.
 */
export async function startDemoSystems(options: DemoSystemsOptions = {}): Promise<DemoSystems> {
  const crm = await startHubspotSandbox({
    counts: { contacts: 20, companies: 0, deals: 0, products: 0 },
    limits: { tier: 'professional' },
    ...options.crm,
  });
  const erp = await startOdooSandbox({ creditCheck: true, ...options.erp });
  if (options.demoData !== false) addDemoData(crm);
  return {
    crm,
    erp,
    env: {
      HUBSPOT_BASE_URL: crm.url,
      HUBSPOT_TOKEN: crm.token ?? DEFAULT_HUBSPOT_TOKEN,
      ODOO_URL: erp.url,
      ODOO_DB: erp.database,
      ODOO_USERNAME: erp.user.login,
      ODOO_API_KEY: erp.user.apiKey,
    },
    async close() {
      await Promise.all([crm.close(), erp.close()]);
    },
  };
}

/** The deals of the demo, by name. */
export const DEMO_DEALS = {
  won: 'Müller & Söhne: 2 desks',
  creditHold: 'Credit Hold Corp: four-person desk',
  open: 'ACME: cabinet (negotiating)',
} as const;

function addDemoData(crm: HubspotSandbox): void {
  // the same customers the ERP knows, as sales typed them
  crm.create('contacts', {
    email: 'INFO@mueller-soehne.example',
    firstname: 'Müller',
    lastname: '& Söhne',
    phone: '+49 89 1234 5678',
  });
  crm.create('contacts', {
    email: 'ap@credithold.example',
    firstname: 'Credit',
    lastname: 'Hold Corp.',
    phone: '+1 555 0100',
  });
  crm.create('contacts', { email: 'sales@acme.example', firstname: 'ACME', lastname: 'Inc' });
  crm.create('deals', {
    dealname: DEMO_DEALS.won,
    dealstage: 'closedwon',
    amount: '900',
    contact_email: 'info@mueller-soehne.example',
    product_sku: 'FURN_7800',
    quantity: '2',
  });
  crm.create('deals', {
    dealname: DEMO_DEALS.creditHold,
    dealstage: 'closedwon',
    amount: '2350',
    contact_email: 'ap@credithold.example',
    product_sku: 'FURN_8220',
    quantity: '1',
  });
  crm.create('deals', {
    dealname: DEMO_DEALS.open,
    dealstage: 'contractsent',
    amount: '700',
    contact_email: 'sales@acme.example',
    product_sku: 'E-COM11',
    quantity: '1',
  });
}
