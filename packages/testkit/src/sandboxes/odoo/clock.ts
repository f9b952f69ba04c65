/**
 * A clock tests can hold still and move, so records written in one test share a write_date
 * second (the ties Odoo's second-precision timestamps produce) or land on known instants.
 * Source: ORM reference, Date(time) Fields (UTC, to the second)
 * https://www.odoo.com/documentation/17.0/developer/reference/backend/orm.html
 */
export interface OdooClock {
  /** Pass as `clock: clock.now`. */
  now: () => Date;
  set(instant: string | Date): void;
  advance(seconds: number): void;
}

export function odooClock(start: string | Date): OdooClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set(instant) {
      current = new Date(instant).getTime();
    },
    advance(seconds) {
      current += seconds * 1000;
    },
  };
}
