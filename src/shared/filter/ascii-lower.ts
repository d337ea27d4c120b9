/** Lower-cases A–Z only, as SQLite's lower() and LIKE do, so that text filters agree on both sides ('É' stays 'É'). */
export function asciiLower(value: string): string {
  return value.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
