/** A country's common names, a phone pattern and cities, for believable sample contacts. */
export interface SampleCountry {
  code: string;
  /** E.164 prefix of valid mobile numbers; the rest is `digits` random digits. */
  phonePrefix: string;
  digits: number;
  language: string;
  timezone: string;
  cities: string[];
  firstNames: string[];
  lastNames: string[];
}

/** Countries sample contacts come from, weighted towards WhatsApp's largest markets. */
export const SAMPLE_COUNTRIES: SampleCountry[] = [
  {
    code: 'BR',
    phonePrefix: '+55119',
    digits: 8,
    language: 'pt-BR',
    timezone: 'America/Sao_Paulo',
    cities: ['São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Curitiba', 'Porto Alegre', 'Recife'],
    firstNames: [
      'Ana',
      'João',
      'Maria',
      'Pedro',
      'Lucas',
      'Juliana',
      'Gabriel',
      'Beatriz',
      'Rafael',
      'Camila',
      'Thiago',
      'Larissa',
    ],
    lastNames: [
      'Silva',
      'Santos',
      'Oliveira',
      'Souza',
      'Lima',
      'Pereira',
      'Costa',
      'Ferreira',
      'Almeida',
      'Gonçalves',
    ],
  },
  {
    code: 'MX',
    phonePrefix: '+5255',
    digits: 8,
    language: 'es-MX',
    timezone: 'America/Mexico_City',
    cities: ['Ciudad de México', 'Guadalajara', 'Monterrey', 'Puebla', 'Querétaro'],
    firstNames: [
      'José',
      'Guadalupe',
      'Luis',
      'Fernanda',
      'Carlos',
      'Sofía',
      'Miguel',
      'Valentina',
      'Diego',
      'Ximena',
    ],
    lastNames: [
      'Hernández',
      'García',
      'Martínez',
      'López',
      'González',
      'Rodríguez',
      'Pérez',
      'Sánchez',
      'Ramírez',
      'Cruz',
    ],
  },
  {
    code: 'IN',
    phonePrefix: '+919',
    digits: 9,
    language: 'en-IN',
    timezone: 'Asia/Kolkata',
    cities: ['Mumbai', 'Delhi', 'Bengaluru', 'Hyderabad', 'Chennai', 'Pune'],
    firstNames: ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Isha', 'Arjun', 'Kavya', 'Rahul', 'Sneha'],
    lastNames: ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Mehta', 'Das'],
  },
  {
    code: 'ES',
    phonePrefix: '+346',
    digits: 8,
    language: 'es-ES',
    timezone: 'Europe/Madrid',
    cities: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Bilbao'],
    firstNames: [
      'Lucía',
      'Hugo',
      'Martina',
      'Pablo',
      'Carmen',
      'Álvaro',
      'Elena',
      'Javier',
      'Paula',
      'Sergio',
    ],
    lastNames: [
      'García',
      'Fernández',
      'González',
      'Rodríguez',
      'López',
      'Martín',
      'Jiménez',
      'Ruiz',
      'Navarro',
      'Torres',
    ],
  },
  {
    code: 'GB',
    phonePrefix: '+4478',
    digits: 8,
    language: 'en-GB',
    timezone: 'Europe/London',
    cities: ['London', 'Manchester', 'Birmingham', 'Leeds', 'Glasgow', 'Bristol'],
    firstNames: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Jack', 'Emily', 'Charlie', 'Grace'],
    lastNames: [
      'Smith',
      'Jones',
      'Taylor',
      'Brown',
      'Williams',
      'Wilson',
      'Davies',
      'Evans',
      "O'Brien",
      'Clarke',
    ],
  },
  {
    code: 'DE',
    phonePrefix: '+49151',
    digits: 8,
    language: 'de-DE',
    timezone: 'Europe/Berlin',
    cities: ['Berlin', 'München', 'Hamburg', 'Köln', 'Frankfurt am Main'],
    firstNames: ['Lukas', 'Hannah', 'Jonas', 'Lea', 'Felix', 'Mia', 'Leon', 'Emma', 'Paul', 'Sophie'],
    lastNames: [
      'Müller',
      'Schmidt',
      'Schneider',
      'Fischer',
      'Weber',
      'Meyer',
      'Wagner',
      'Becker',
      'Schulz',
      'Hoffmann',
    ],
  },
  {
    code: 'US',
    phonePrefix: '+14157',
    digits: 6,
    language: 'en-US',
    timezone: 'America/Los_Angeles',
    cities: ['San Francisco', 'Oakland', 'San Jose', 'Berkeley', 'Palo Alto'],
    firstNames: ['James', 'Olivia', 'Michael', 'Emma', 'William', 'Ava', 'Daniel', 'Mia', 'Ethan', 'Harper'],
    lastNames: [
      'Johnson',
      'Williams',
      'Miller',
      'Davis',
      'Anderson',
      'Thomas',
      'Jackson',
      'White',
      'Harris',
      'Martin',
    ],
  },
];

/** Company names for sample contacts. */
export const SAMPLE_COMPANIES = [
  'Acme Retail',
  'Bright Dental',
  'Casa Verde Imóveis',
  'Delta Logistics',
  'Evergreen Health',
  'Fintrust Capital',
  'Globex Software',
  'Horizon Travel',
  'Iris Beauty',
  'Jardim Café',
  'Kappa Motors',
  'Luma Fitness',
];

/** Job titles for sample contacts. */
export const SAMPLE_JOB_TITLES = [
  'Owner',
  'Purchasing Manager',
  'CEO',
  'Office Manager',
  'Marketing Lead',
  'Operations Director',
  'Founder',
  'Buyer',
];

/** A deterministic pseudo-random generator (mulberry32), so sample data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One item of a list, chosen by a random number. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A phone number of the country, unique for each `serial` below 10^digits. */
export function samplePhone(country: SampleCountry, serial: number): string {
  const space = 10 ** country.digits;
  const spread = (serial * 7_919 + 1_234_567) % space;
  return `${country.phonePrefix}${String(spread).padStart(country.digits, '0')}`;
}
