/**
 * The rows of the seeded dataset (see seed.ts): countries, partners and products, each with the
 * write_date it is created at. Ids follow the order of the lists, from 1.
 * Source of the shapes: https://www.odoo.com/documentation/18.0/developer/reference/external_api.html (Agrolait, many2one pairs,
 * false for empty values); docs/vendor-apis.md section 4.6.
 */
export const COUNTRIES = [
  ['Belgium', 'BE'],
  ['France', 'FR'],
  ['Germany', 'DE'],
  ['Japan', 'JP'],
  ['United States', 'US'],
  ['Spain', 'ES'],
  ['Brazil', 'BR'],
] as const;
const [BE, FR, DE, JP, US, ES, BR] = [1, 2, 3, 4, 5, 6, 7];

/** [write_date, values] of each seeded partner. */
export const PARTNERS: [string, Record<string, unknown>][] = [
  [
    '2024-01-02 08:15:00',
    {
      name: 'ACME Inc.',
      is_company: true,
      email: 'sales@acme.example',
      phone: '+1 555-0100',
      street: '1 Main Street',
      city: 'Springfield',
      zip: '62701',
      country_id: US,
      ref: 'ACME-001',
      credit_limit: 50000,
      customer_rank: 3,
    },
  ],
  [
    '2024-01-02 08:15:00',
    {
      name: 'Acme, Inc.',
      is_company: true,
      email: 'Sales@ACME.example',
      city: 'Springfield',
      country_id: US,
      customer_rank: 1,
    },
  ],
  [
    '2024-01-02 08:15:00',
    {
      name: 'Agrolait',
      is_company: true,
      street: '69 rue de Namur',
      city: 'Wavre',
      zip: '1300',
      country_id: BE,
      ref: 'AGR-7',
      credit_limit: 10000,
      customer_rank: 2,
    },
  ],
  [
    '2024-01-03 10:00:00',
    {
      name: 'Société Générale des Eaux',
      is_company: true,
      email: 'contact@sge.example',
      city: 'Saint-Étienne',
      zip: '42000',
      country_id: FR,
      ref: 'SGE-042',
      vat: 'FR40303265045',
    },
  ],
  [
    '2024-01-03 10:00:00',
    {
      name: 'Müller & Söhne GmbH',
      is_company: true,
      email: 'info@mueller-soehne.example',
      street: 'Marienplatz 8',
      city: 'München',
      zip: '80331',
      country_id: DE,
      ref: 'MS-1893',
      credit_limit: 25000,
      customer_rank: 1,
    },
  ],
  [
    '2024-01-04 00:00:00',
    {
      name: '株式会社さくら',
      is_company: true,
      email: 'info@sakura.example',
      city: '東京',
      zip: '100-0001',
      country_id: JP,
    },
  ],
  [
    '2024-01-05 12:30:45',
    {
      name: 'José Álvarez',
      email: 'jose.alvarez@example.com',
      phone: '+34 600 000 000',
      city: 'Sevilla',
      country_id: ES,
      customer_rank: 1,
    },
  ],
  ['2024-01-05 12:30:45', { name: "Zoë O'Brien", email: 'zoe.obrien@example.com', ref: 'P-0008' }],
  [
    '2024-01-06 17:00:00',
    {
      name: 'Old Customer Ltd (archived)',
      is_company: true,
      email: 'old@customer.example',
      active: false,
    },
  ],
  [
    '2024-01-07 09:00:00',
    {
      name: 'Ana Lúcia Ferreira',
      email: 'ana.ferreira@example.com.br',
      city: 'São Paulo',
      country_id: BR,
    },
  ],
  [
    '2024-01-08 11:11:11',
    {
      name: 'Credit Hold Corp',
      is_company: true,
      email: 'ap@credithold.example',
      ref: 'CHC-1',
      credit_limit: 1000,
      customer_rank: 1,
    },
  ],
  [
    '2024-01-08 11:11:11',
    {
      name: 'Deco Addict',
      is_company: true,
      email: 'deco.addict82@example.com',
      city: 'Pasadena',
      country_id: US,
      ref: 'DA-82',
      customer_rank: 1,
    },
  ],
];

/** [write_date, values, quantity on hand] of each seeded product. */
export const PRODUCTS: [string, Record<string, unknown>, number][] = [
  [
    '2024-01-02 09:00:00',
    { name: 'Desk Combination', default_code: 'FURN_7800', list_price: 450, type: 'product' },
    60,
  ],
  [
    '2024-01-02 09:00:00',
    { name: 'Four Person Desk', default_code: 'FURN_8220', list_price: 2350, type: 'product' },
    12,
  ],
  [
    '2024-01-02 09:00:01',
    {
      name: 'Cabinet with Doors',
      default_code: 'E-COM11',
      list_price: 140,
      type: 'product',
      barcode: '601647855631',
    },
    0,
  ],
  [
    '2024-01-03 14:00:00',
    { name: 'Installation', default_code: 'SRV-INST', list_price: 80, type: 'service' },
    0,
  ],
  ['2024-01-03 14:00:00', { name: 'Gift Card', list_price: 50, type: 'service' }, 0],
  [
    '2024-01-04 08:00:00',
    {
      name: 'Office Chair – Noir édition',
      default_code: 'FURN_0269',
      list_price: 120.5,
      type: 'product',
    },
    25.5,
  ],
];
