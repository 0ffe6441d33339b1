import { describe, expect, it } from 'vitest';
import { kebab, pascal, titleCase } from './names.js';

describe('names', () => {
  it('turns spec names into ids and folder names', () => {
    expect(kebab('getCart')).toBe('get-cart');
    expect(kebab('Acme Cart API')).toBe('acme-cart-api');
    expect(kebab('HTTPServerError')).toBe('http-server-error');
    expect(kebab('orders.events')).toBe('orders.events');
    expect(pascal('order-created')).toBe('OrderCreated');
    expect(titleCase('orderEvents')).toBe('Order Events');
  });

  it('never yields a name that walks up folders', () => {
    for (const hostile of ['..', '../../etc', '.hidden', 'a/../b']) {
      expect(kebab(hostile)).not.toMatch(/(^|\/)\.\.?($|\/)|^\.|\//);
      expect(pascal(hostile)).toMatch(/^[A-Za-z0-9]*$/);
    }
  });
});
