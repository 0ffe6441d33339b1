/** Word lists the generator draws names and text from. */

// biome-ignore format: a packed word list
export const domainWords = [
  'Ordering', 'Payments', 'Fulfilment', 'Inventory', 'Shipping', 'Billing', 'Identity', 'Catalog', 'Pricing',
  'Loyalty', 'Notifications', 'Search', 'Returns', 'Reviews', 'Marketing', 'Analytics', 'Compliance',
  'Subscriptions', 'Logistics', 'Support', 'Promotions', 'Procurement', 'Warehousing', 'Customers',
  'Accounts', 'Onboarding', 'Risk', 'Settlement', 'Invoicing', 'Tax', 'Partners', 'Content', 'Media',
  'Scheduling', 'Bookings', 'Claims', 'Underwriting', 'Lending', 'Treasury', 'Payroll', 'Fraud', 'Disputes',
  'Refunds', 'Ledger', 'Recommendations', 'Personalisation', 'Sourcing', 'Assortment', 'Delivery',
  'Merchandising',
];
// biome-ignore format: a packed word list
export const qualifiers = [
  'Retail', 'B2B', 'Marketplace', 'Wholesale', 'Enterprise', 'Consumer', 'Global', 'Regional', 'Digital',
  'Store', 'Partner', 'Internal', 'Express', 'Premium', 'Legacy',
];
// biome-ignore format: a packed word list
export const systemWords = [
  'Checkout', 'Order Management', 'Ledger', 'Gateway', 'Routing', 'Reconciliation', 'Catalog Sync',
  'Messaging', 'Reporting', 'Onboarding', 'Risk Scoring', 'Dispatch', 'Returns Processing', 'Pricing Engine',
  'Identity', 'Subscription Billing', 'Case Management', 'Scheduling', 'Data Platform',
  'Partner Integration',
];
// biome-ignore format: a packed word list
export const entities = [
  'order', 'cart', 'payment', 'invoice', 'shipment', 'parcel', 'refund', 'customer', 'account', 'product',
  'price', 'promotion', 'coupon', 'voucher', 'subscription', 'plan', 'booking', 'reservation', 'stock item',
  'warehouse', 'carrier', 'return', 'review', 'rating', 'ticket', 'claim', 'policy', 'quote', 'loan',
  'transfer', 'ledger entry', 'settlement', 'payout', 'merchant', 'partner', 'supplier', 'purchase order',
  'delivery', 'route', 'driver', 'vehicle', 'notification', 'document', 'contract', 'consent', 'address',
  'profile', 'session', 'device', 'wallet', 'card', 'chargeback', 'dispute', 'tax rate', 'listing', 'bid',
  'auction', 'appointment', 'order line', 'pick list',
];
// biome-ignore format: a packed word list
export const serviceWords = [
  'Service', 'Service', 'Service', 'API', 'Worker', 'Processor', 'Orchestrator', 'Projector', 'Adapter',
  'Scheduler', 'Notifier', 'Gateway',
];
// biome-ignore format: a packed word list
export const eventVerbs = [
  'Created', 'Updated', 'Cancelled', 'Completed', 'Approved', 'Rejected', 'Submitted', 'Expired', 'Archived',
  'Restored', 'Assigned', 'Confirmed', 'Failed', 'Scheduled', 'Shipped', 'Delivered', 'Refunded',
  'Suspended', 'Reactivated', 'Verified', 'Flagged', 'Closed', 'Opened', 'Renewed', 'Migrated',
];
// biome-ignore format: a packed word list
export const commandVerbs = [
  'Create', 'Update', 'Cancel', 'Complete', 'Approve', 'Reject', 'Submit', 'Expire', 'Archive', 'Restore',
  'Assign', 'Confirm', 'Schedule', 'Ship', 'Refund', 'Suspend', 'Reactivate', 'Verify', 'Flag', 'Close',
];
export const queryTemplates = [
  'Get {E}',
  'List {E}s',
  'Search {E}s',
  'Get {E} Status',
  'Get {E} History',
  'Count {E}s',
];
// biome-ignore format: a packed word list
export const firstNames = [
  'Amara', 'Raj', 'Tomas', 'Lena', 'Mei', 'Sofia', 'Kwame', 'Ingrid', 'Diego', 'Aisha', 'Lukas', 'Priya',
  'Mateo', 'Hana', 'Oliver', 'Zara', 'Nikolai', 'Chloe', 'Yusuf', 'Elena', 'Jonas', 'Fatima', 'Kenji',
  'Nora', 'Samuel', 'Leila', 'Hugo', 'Anika', 'Marco', 'Freya', 'Tariq', 'Isla', 'Pavel', 'Camila', 'Arjun',
  'Maja', 'Omar', 'Greta', 'Felix', 'Ines',
];
// biome-ignore format: a packed word list
export const lastNames = [
  'Okafor', 'Patel', 'Novak', 'Fischer', 'Tanaka', 'Rossi', 'Mensah', 'Larsen', 'Garcia', 'Khan', 'Weber',
  'Sharma', 'Silva', 'Kim', 'Brown', 'Ahmed', 'Ivanov', 'Dubois', 'Yilmaz', 'Popescu', 'Berg', 'Haddad',
  'Sato', 'Jensen', 'Adeyemi', 'Moreau', 'Costa', 'Nowak', 'Bianchi', 'Lindqvist', 'Farouk', 'Murphy',
  'Horvat', 'Castillo', 'Iyer', 'Nielsen', 'Aziz', 'Keller', 'Schmidt', 'Ortiz',
];
// biome-ignore format: a packed word list
export const roles = [
  'Engineering Manager', 'Staff Engineer', 'Senior Engineer', 'Product Manager', 'Principal Architect',
  'Site Reliability Engineer', 'Data Engineer', 'Tech Lead',
];
export const teamWords = ['Platform', 'Squad', 'Team', 'Guild', 'Crew'];
export const languages = ['TypeScript', 'Java', 'Kotlin', 'Go', 'Python', 'C#'];
export const tiers = ['tier-1', 'tier-2', 'tier-3'];
export const containerKinds = [
  { type: 'database', word: 'Database', technologies: ['postgres@16', 'mysql@8', 'dynamodb'] },
  { type: 'database', word: 'Database', technologies: ['postgres@15', 'mongodb@7'] },
  { type: 'cache', word: 'Cache', technologies: ['redis@7', 'memcached@1.6'] },
  { type: 'objectStore', word: 'Bucket', technologies: ['s3', 'gcs'] },
  { type: 'searchIndex', word: 'Search Index', technologies: ['opensearch@2', 'elasticsearch@8'] },
  { type: 'dataWarehouse', word: 'Warehouse', technologies: ['snowflake', 'bigquery'] },
] as const;
/** Payload fields (assets.ts knows a JSON Schema and an example for each). */
// biome-ignore format: a packed word list
export const fieldNames = [
  'status', 'amount', 'currency', 'quantity', 'reason', 'customerId', 'correlationId', 'salesChannel',
  'region', 'notes', 'tags', 'expiresAt', 'priority', 'source', 'lineItems', 'address', 'email', 'reference',
  'attempt', 'discount', 'sku', 'warehouseId', 'carrier', 'trackingNumber', 'tenantId', 'metadata',
];
/** Trigger conditions; {E} is the entity. */
// biome-ignore format: a packed word list
export const conditions = [
  'The request passed validation', 'No earlier request with the same idempotency key exists',
  'The {E} is still open', 'All checks succeeded within the time limit',
  'The {E} belongs to an active account',
];
/** Latest versions of messages; 1.0.0 is the most common. */
export const versions = [
  '1.0.0',
  '1.0.0',
  '1.0.0',
  '1.0.0',
  '1.1.0',
  '1.2.0',
  '1.0.1',
  '2.0.0',
  '2.1.0',
  '0.3.0',
  '3.0.0',
];
export const docGroups = ['platform', 'guides', 'runbooks', 'onboarding', 'architecture', 'operations'];
/** The older version kept under versioned/ for a latest version. */
export const olderOf: Record<string, string> = {
  '1.1.0': '1.0.0',
  '1.2.0': '1.1.0',
  '1.0.1': '1.0.0',
  '2.0.0': '1.3.0',
  '2.1.0': '2.0.0',
  '0.3.0': '0.2.0',
  '3.0.0': '2.4.0',
};
