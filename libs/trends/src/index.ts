/** Trend watch (定期研判): rises above a subject, product or region's usual rate. */
export {};
