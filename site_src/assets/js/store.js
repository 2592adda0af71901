// What the handbook keeps on this device, in the browser's localStorage: nothing is ever sent anywhere.
// localStorage rather than IndexedDB: a year of daily entries is about 100 kB, read and written whole and at
// once, so a synchronous key-value store is enough and needs no library.

const PREFIX = "itbs-handbook:";

export const keys = {
  log: (protocol) => `${PREFIX}log:${protocol}`,
  plan: `${PREFIX}plan`,
  athlete: `${PREFIX}athlete`,
  paper: `${PREFIX}paper`,
  ticks: (protocol, phase) => `${PREFIX}ticks:${protocol}:${phase}`,
  criteria: (page) => `${PREFIX}criteria:${page}`,
};

/** The value kept under `key`, or `fallback` when there is none (or storage is unavailable). */
export function load(key, fallback) {
  try {
    const text = localStorage.getItem(key);
    return text === null ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}

/** Keep `value` under `key`; false when the browser refuses (its storage for the site is full or off). */
export function save(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Delete everything the handbook keeps on this device: logs, plan, ticks. */
export function forgetAll() {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  }
}
