/**
 * Odoo's exceptions as the JSON-RPC endpoint reports them: inside an HTTP 200 answer, as
 * `error: { code, message: "Odoo Server Error", data: { name, message, arguments, context, debug } }`.
 *
 * Sources: odoo/odoo `odoo/http.py` (`JsonRPCDispatcher.handle_error`, `serialize_exception`),
 * `odoo/exceptions.py`; https://www.odoo.com/documentation/18.0/developer/reference/external_api.html
 * (docs/vendor-apis.md section 4.5).
 */

/** The Python class names the sandbox raises, as `data.name` shows them. */
export type OdooErrorName =
  | 'odoo.exceptions.ValidationError'
  | 'odoo.exceptions.UserError'
  | 'odoo.exceptions.AccessError'
  | 'odoo.exceptions.AccessDenied'
  | 'odoo.exceptions.MissingError'
  | 'builtins.ValueError'
  | 'builtins.TypeError'
  | 'builtins.KeyError'
  | 'builtins.AttributeError'
  | 'builtins.NameError'
  | 'psycopg2.OperationalError';

/** An exception raised by a model method; the RPC layer turns it into an error answer. */
export class OdooError extends Error {
  constructor(
    readonly odooName: OdooErrorName,
    message: string,
  ) {
    super(message);
    this.name = 'OdooError';
  }

  /** The `error` member of the JSON-RPC answer. */
  toRpc(): OdooRpcError {
    // Odoo hides the traceback of AccessDenied (it would help password guessing).
    const debug =
      this.odooName === 'odoo.exceptions.AccessDenied'
        ? ''
        : `Traceback (most recent call last):\n  File "odoo/service/model.py", in retrying\n${pythonClass(this.odooName)}: ${this.message}\n`;
    return {
      // 200 on Odoo 12-17 (the brief's target); master sends 0 ("we don't care of this code").
      code: 200,
      message: 'Odoo Server Error',
      data: {
        name: this.odooName,
        debug,
        message: this.message,
        arguments: [this.message],
        context: {},
      },
    };
  }
}

export interface OdooRpcError {
  code: number;
  message: string;
  data: {
    name: OdooErrorName;
    debug: string;
    message: string;
    arguments: unknown[];
    context: Record<string, unknown>;
  };
}

function pythonClass(name: string): string {
  return name.startsWith('builtins.') ? name.slice('builtins.'.length) : name;
}

export const validationError = (message: string) =>
  new OdooError('odoo.exceptions.ValidationError', message);
export const userError = (message: string) => new OdooError('odoo.exceptions.UserError', message);
export const valueError = (message: string) => new OdooError('builtins.ValueError', message);
export const accessDenied = () => new OdooError('odoo.exceptions.AccessDenied', 'Access Denied');

/** MissingError as `read`/`write` on deleted ids raise it (odoo/models.py `_check_access`...). */
export const missingError = (model: string, ids: number[], uid: number) =>
  new OdooError(
    'odoo.exceptions.MissingError',
    `Record does not exist or has been deleted.\n(Record: ${model}(${ids.join(', ')},), User: ${uid})`,
  );

const VERBS = { read: 'access', write: 'modify', create: 'create', unlink: 'delete' } as const;

/** AccessError as `ir.model.access.check` words it (odoo/addons/base/models/ir_model.py). */
export const accessError = (operation: keyof typeof VERBS, description: string, model: string) =>
  new OdooError(
    'odoo.exceptions.AccessError',
    `You are not allowed to ${VERBS[operation]} '${description}' (${model}) records.\n\nThis operation is allowed for the following groups:\n\t- Administration/Settings\n\nContact your administrator to request access if necessary.`,
  );
