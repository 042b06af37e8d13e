/**
 * A deterministic generator of large bilingual programmes for benchmarks: realistic English and Russian titles,
 * abstracts, speaker names, companies and bios, drawn with a seeded PRNG so every run sees the same data.
 *
 * Its vocabulary deliberately avoids the PyCon Russia 2013 programme's own names, products and topics
 * (Django, Redis, Yandex, caching, …) so that mixing that programme in still has one right answer per query.
 */
import { isContentKind, type Programme, type Session, type Speaker } from "../src/programme/model.js";
import { swapLayout } from "../src/search/layout.js";
import { transliterate } from "../src/text/romanize.js";

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One element of a list, chosen by the generator. */
export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

type Pair = readonly [en: string, ru: string];

/** Products; `ru` is how Russian speakers spell them in Cyrillic. */
const TECH: readonly Pair[] = [
  ["FastAPI", "фастапи"],
  ["Kafka", "кафка"],
  ["ClickHouse", "кликхаус"],
  ["Rust", "раст"],
  ["Kotlin", "котлин"],
  ["GraphQL", "графкуэль"],
  ["gRPC", "джиарписи"],
  ["Airflow", "эйрфлоу"],
  ["Spark", "спарк"],
  ["Pandas", "пандас"],
  ["NumPy", "нампай"],
  ["Prometheus", "прометеус"],
  ["Grafana", "графана"],
  ["Elasticsearch", "эластиксерч"],
  ["Nginx", "энджинкс"],
  ["Ansible", "ансибл"],
  ["Terraform", "терраформ"],
  ["TypeScript", "тайпскрипт"],
  ["Jupyter", "юпитер"],
  ["PyTorch", "пайторч"],
  ["TensorFlow", "тензорфлоу"],
  ["SQLAlchemy", "эскуэльалхимия"],
  ["Pydantic", "пайдантик"],
  ["Hypothesis", "хайпотезис"],
  ["Sphinx", "сфинкс"],
  ["Poetry", "поэтри"],
  ["mypy", "майпай"],
  ["Dask", "даск"],
  ["Polars", "поларс"],
  ["DuckDB", "дакдиби"],
  ["Cassandra", "кассандра"],
  ["RabbitMQ", "рэббит"],
  ["ZeroMQ", "зироэмкью"],
  ["Starlette", "старлетт"],
  ["Trio", "трио"],
  ["Numba", "нумба"],
  ["OpenTelemetry", "опентелеметри"],
  ["Kubeflow", "кубфлоу"],
  ["Vault", "волт"],
  ["Keycloak", "кейклок"],
];

/** Topics (noun phrases) in both languages. */
const TOPICS: readonly Pair[] = [
  ["type hints", "аннотации типов"],
  ["observability", "наблюдаемость"],
  ["feature flags", "фиче-флаги"],
  ["machine learning in production", "машинное обучение в продакшене"],
  ["code review", "ревью кода"],
  ["microservices", "микросервисы"],
  ["event sourcing", "событийная архитектура"],
  ["API design", "проектирование API"],
  ["data pipelines", "конвейеры данных"],
  ["stream processing", "потоковая обработка"],
  ["search relevance", "релевантность поиска"],
  ["profiling", "профилирование"],
  ["memory leaks", "утечки памяти"],
  ["structured logging", "структурированное логирование"],
  ["monitoring", "мониторинг"],
  ["load testing", "нагрузочное тестирование"],
  ["security audits", "аудит безопасности"],
  ["authentication", "аутентификация"],
  ["payments", "платежи"],
  ["recommendations", "рекомендации"],
  ["geospatial data", "геоданные"],
  ["time series", "временные ряды"],
  ["dependency injection", "внедрение зависимостей"],
  ["code generation", "кодогенерация"],
  ["fuzzing", "фаззинг"],
  ["refactoring legacy code", "рефакторинг старого кода"],
  ["documentation", "документация"],
  ["open source maintenance", "сопровождение открытых проектов"],
  ["accessibility", "доступность интерфейсов"],
  ["mobile backends", "бэкенды мобильных приложений"],
  ["chat bots", "чат-боты"],
  ["A/B testing", "A/B-тестирование"],
  ["feature stores", "хранилища признаков"],
  ["data quality", "качество данных"],
  ["query optimization", "оптимизация запросов"],
  ["rate limiting", "ограничение частоты запросов"],
  ["retries and timeouts", "повторы и таймауты"],
  ["serverless", "бессерверные вычисления"],
  ["compilers", "компиляторы"],
  ["parsers", "парсеры"],
  ["concurrency", "конкурентность"],
  ["vectorization", "векторизация"],
  ["scientific computing", "научные вычисления"],
  ["data visualization", "визуализация данных"],
  ["dashboards", "дашборды"],
  ["bioinformatics", "биоинформатика"],
  ["reproducible research", "воспроизводимые исследования"],
  ["fraud detection", "обнаружение мошенничества"],
  ["natural language processing", "обработка естественного языка"],
  ["speech recognition", "распознавание речи"],
  ["computer vision", "компьютерное зрение"],
  ["game development", "разработка игр"],
  ["robotics", "робототехника"],
  ["embedded systems", "встраиваемые системы"],
  ["internet of things", "интернет вещей"],
  ["property-based testing", "тестирование на основе свойств"],
  ["schema migrations", "миграции схемы"],
  ["internationalization", "интернационализация"],
  ["technical debt", "технический долг"],
  ["incident response", "разбор инцидентов"],
  ["capacity planning", "планирование мощностей"],
  ["search engines", "поисковые движки"],
  ["recommender systems", "рекомендательные системы"],
  ["geocoding", "геокодирование"],
  ["billing", "биллинг"],
  ["access control", "управление доступом"],
];

const COMPANIES: readonly Pair[] = [
  ["Kaspersky", "Касперский"],
  ["Avito", "Авито"],
  ["Ozon", "Озон"],
  ["Tinkoff", "Тинькофф"],
  ["Sber", "Сбер"],
  ["2GIS", "2ГИС"],
  ["HeadHunter", "ХедХантер"],
  ["Skyeng", "Скайэнг"],
  ["Wildberries", "Вайлдберриз"],
  ["Lamoda", "Ламода"],
  ["Acronis", "Акронис"],
  ["Parallels", "Параллелс"],
  ["Selectel", "Селектел"],
  ["Kontur", "Контур"],
  ["Naumen", "Наумен"],
  ["Miro", "Миро"],
  ["Semrush", "Семраш"],
  ["Badoo", "Баду"],
  ["Joom", "Джум"],
  ["Cian", "Циан"],
  ["Dodo Brands", "Додо Брендс"],
  ["Sibur", "Сибур"],
  ["Rostelecom", "Ростелеком"],
  ["MTS", "МТС"],
  ["Beeline", "Билайн"],
  ["Megafon", "Мегафон"],
  ["Alfa-Bank", "Альфа-Банк"],
  ["Playrix", "Плейрикс"],
];

const FIRST_NAMES: readonly Pair[] = [
  ["Alexey", "Алексей"],
  ["Pavel", "Павел"],
  ["Nikolay", "Николай"],
  ["Vladimir", "Владимир"],
  ["Igor", "Игорь"],
  ["Oleg", "Олег"],
  ["Anton", "Антон"],
  ["Artem", "Артём"],
  ["Nikita", "Никита"],
  ["Kirill", "Кирилл"],
  ["Egor", "Егор"],
  ["Ivan", "Иван"],
  ["Viktor", "Виктор"],
  ["Anna", "Анна"],
  ["Maria", "Мария"],
  ["Elena", "Елена"],
  ["Olga", "Ольга"],
  ["Natalia", "Наталья"],
  ["Tatiana", "Татьяна"],
  ["Irina", "Ирина"],
  ["Yulia", "Юлия"],
  ["Daria", "Дарья"],
  ["Ekaterina", "Екатерина"],
  ["Ksenia", "Ксения"],
  ["Polina", "Полина"],
  ["Vera", "Вера"],
  ["Georgy", "Георгий"],
  ["Fedor", "Фёдор"],
  ["Timur", "Тимур"],
  ["Ruslan", "Руслан"],
  ["Vadim", "Вадим"],
  ["Gleb", "Глеб"],
  ["Leonid", "Леонид"],
  ["Boris", "Борис"],
  ["Stepan", "Степан"],
  ["Petr", "Пётр"],
  ["Yaroslav", "Ярослав"],
  ["Marina", "Марина"],
  ["Alina", "Алина"],
  ["Sarah", "Сара"],
  ["Thomas", "Томас"],
  ["Laura", "Лаура"],
  ["Martin", "Мартин"],
];

const LAST_NAMES: readonly Pair[] = [
  ["Ivanov", "Иванов"],
  ["Smirnov", "Смирнов"],
  ["Kuznetsov", "Кузнецов"],
  ["Popov", "Попов"],
  ["Vasiliev", "Васильев"],
  ["Petrov", "Петров"],
  ["Sokolov", "Соколов"],
  ["Mikhailov", "Михайлов"],
  ["Novikov", "Новиков"],
  ["Fedorov", "Фёдоров"],
  ["Morozov", "Морозов"],
  ["Volkov", "Волков"],
  ["Alekseev", "Алексеев"],
  ["Lebedev", "Лебедев"],
  ["Semenov", "Семёнов"],
  ["Egorov", "Егоров"],
  ["Pavlov", "Павлов"],
  ["Kozlov", "Козлов"],
  ["Stepanov", "Степанов"],
  ["Nikolaev", "Николаев"],
  ["Orlov", "Орлов"],
  ["Andreev", "Андреев"],
  ["Makarov", "Макаров"],
  ["Nikitin", "Никитин"],
  ["Zakharov", "Захаров"],
  ["Zaitsev", "Зайцев"],
  ["Soloviev", "Соловьёв"],
  ["Borisov", "Борисов"],
  ["Yakovlev", "Яковлев"],
  ["Grigoriev", "Григорьев"],
  ["Romanov", "Романов"],
  ["Vorobiev", "Воробьёв"],
  ["Sergeev", "Сергеев"],
  ["Kuzmin", "Кузьмин"],
  ["Frolov", "Фролов"],
  ["Dmitriev", "Дмитриев"],
  ["Korolev", "Королёв"],
  ["Gusev", "Гусев"],
  ["Kiselev", "Киселёв"],
  ["Ilyin", "Ильин"],
  ["Maksimov", "Максимов"],
  ["Polyakov", "Поляков"],
  ["Sorokin", "Сорокин"],
  ["Vinogradov", "Виноградов"],
  ["Kovalev", "Ковалёв"],
  ["Belov", "Белов"],
  ["Medvedev", "Медведев"],
  ["Antonov", "Антонов"],
  ["Tarasov", "Тарасов"],
  ["Zhukov", "Жуков"],
  ["Baranov", "Баранов"],
  ["Filippov", "Филиппов"],
  ["Komarov", "Комаров"],
  ["Davydov", "Давыдов"],
  ["Belyaev", "Беляев"],
  ["Gerasimov", "Герасимов"],
  ["Bogdanov", "Богданов"],
  ["Osipov", "Осипов"],
  ["Sidorov", "Сидоров"],
  ["Titov", "Титов"],
  ["Markov", "Марков"],
  ["Mironov", "Миронов"],
  ["Krylov", "Крылов"],
  ["Kulikov", "Куликов"],
  ["Karpov", "Карпов"],
  ["Melnikov", "Мельников"],
  ["Denisov", "Денисов"],
  ["Gavrilov", "Гаврилов"],
  ["Tikhonov", "Тихонов"],
  ["Kazakov", "Казаков"],
  ["Afanasiev", "Афанасьев"],
  ["Danilov", "Данилов"],
  ["Timofeev", "Тимофеев"],
  ["Fomin", "Фомин"],
  ["Chernov", "Чернов"],
  ["Abramov", "Абрамов"],
  ["Martynov", "Мартынов"],
  ["Efimov", "Ефимов"],
  ["Shcherbakov", "Щербаков"],
  ["Nazarov", "Назаров"],
  ["Kalinin", "Калинин"],
  ["Isaev", "Исаев"],
  ["Bykov", "Быков"],
  ["Maslov", "Маслов"],
  ["Rodionov", "Родионов"],
  ["Lazarev", "Лазарев"],
  ["Voronin", "Воронин"],
  ["Klimov", "Климов"],
  ["Filatov", "Филатов"],
  ["Golubev", "Голубев"],
  ["Naumov", "Наумов"],
  ["Potapov", "Потапов"],
  ["Zhuravlev", "Журавлёв"],
  ["Ovchinnikov", "Овчинников"],
  ["Trofimov", "Трофимов"],
  ["Leonov", "Леонов"],
  ["Sobolev", "Соболев"],
  ["Ermakov", "Ермаков"],
  ["Kolesnikov", "Колесников"],
  ["Goncharov", "Гончаров"],
  ["Emelyanov", "Емельянов"],
  ["Miller", "Миллер"],
  ["Fischer", "Фишер"],
  ["Walker", "Уокер"],
  ["Bennett", "Беннетт"],
];

const ROLES: readonly Pair[] = [
  ["Backend developer", "Бэкенд-разработчик"],
  ["Team lead", "Тимлид"],
  ["Data engineer", "Дата-инженер"],
  ["Site reliability engineer", "SRE-инженер"],
  ["CTO", "Технический директор"],
  ["Researcher", "Исследователь"],
  ["Software architect", "Архитектор ПО"],
  ["Engineering manager", "Руководитель разработки"],
];

const SURNAME_HEADS =
  "Бел Вол Гор Дуб Жар Зор Кам Лис Мор Нов Ост Пес Раз Сок Тур Хол Чер Шир Яр Бор Вет Гол Кур Лег Мих Пол Сем Ток Ус Фил Рыб Кед Лун Сит Бар".split(
    " ",
  );
const SURNAME_MIDDLES = ["", "ан", "ин", "ен", "ач", "уш", "ик", "ор", "ял", "ец"];
const SURNAME_TAILS = ["ов", "ев", "ин", "ский", "енко", "ых", "ук", "ман", "цев", "ишин"];

/** A made-up Russian surname, in Cyrillic and romanized ("Лисинский", "Lisinskiy"). */
function surname(random: () => number): Pair {
  const ru = pick(random, SURNAME_HEADS) + pick(random, SURNAME_MIDDLES) + pick(random, SURNAME_TAILS);
  const en = transliterate(ru);
  return [en.charAt(0).toUpperCase() + en.slice(1), ru];
}

const SYLLABLES = "ka lo mi ru ze vo ti na pe sa do gu fi be xo tri vel mor dex lu ny ko ar ix".split(" ");
const ENDINGS = ["", "x", "n", "r", "io", "ly", "on"];

/** A made-up product name ("Velkomi"), a word each programme uses only a few times, as real ones do. */
function productName(random: () => number): Pair {
  const n = 2 + Math.floor(random() * 2);
  let w = "";
  for (let i = 0; i < n; i++) w += pick(random, SYLLABLES);
  w = cap(w + pick(random, ENDINGS));
  return [w, w];
}

type Fill = {
  topic: Pair;
  topic2: Pair;
  tech: Pair;
  tech2: Pair;
  company: Pair;
  product: Pair;
  n: number;
  n2: number;
};
type Template = (f: Fill) => Pair;

const TITLES: readonly Template[] = [
  (f) => [`${cap(f.topic[0])} with ${f.tech[0]}`, `${cap(f.topic[1])} на ${f.tech[0]}`],
  (f) => [`${f.tech[0]} in practice: ${f.topic[0]}`, `${f.tech[0]} на практике: ${f.topic[1]}`],
  (f) => [`How we built ${f.topic[0]} at ${f.company[0]}`, `Как мы делали ${f.topic[1]} в ${f.company[1]}`],
  (f) => [`${cap(f.topic[0])}: lessons learned`, `${cap(f.topic[1])}: извлечённые уроки`],
  (f) => [
    `From ${f.tech[0]} to ${f.tech2[0]}: a migration story`,
    `С ${f.tech[0]} на ${f.tech2[0]}: история миграции`,
  ],
  (f) => [`${cap(f.topic[0])} for Python developers`, `${cap(f.topic[1])} для Python-разработчиков`],
  (f) => [
    `${cap(f.topic[0])} and ${f.topic2[0]} in one service`,
    `${cap(f.topic[1])} и ${f.topic2[1]} в одном сервисе`,
  ],
  (f) => [
    `${f.product[0]}: ${f.topic[0]} at ${f.company[0]}`,
    `${f.product[0]}: ${f.topic[1]} в ${f.company[1]}`,
  ],
];

const SENTENCES: readonly Template[] = [
  (f) => [
    `In this talk we share how ${f.company[0]} uses ${f.tech[0]} for ${f.topic[0]}.`,
    `В докладе расскажем, как в ${f.company[1]} используют ${f.tech[0]} для задачи «${f.topic[1]}».`,
  ],
  () => [
    "We will look at typical mistakes, trade-offs and the tools that helped us.",
    "Разберём типичные ошибки, компромиссы и инструменты, которые нам помогли.",
  ],
  (f) => [
    `You will learn when ${f.tech[0]} is the right choice and when it is not.`,
    `Вы узнаете, когда ${f.tech[0]} — правильный выбор, а когда нет.`,
  ],
  (f) => [
    `The talk is aimed at developers who already know the basics of ${f.tech2[0]}.`,
    `Доклад рассчитан на разработчиков, знакомых с основами ${f.tech2[0]}.`,
  ],
  (f) => [
    `We compare ${f.tech[0]} and ${f.tech2[0]} on real workloads and share our measurements.`,
    `Сравним ${f.tech[0]} и ${f.tech2[0]} на реальных нагрузках и поделимся результатами замеров.`,
  ],
  (f) => [`Special attention is paid to ${f.topic2[0]}.`, `Отдельное внимание уделим теме «${f.topic2[1]}».`],
  (f) => [
    `Our team of ${f.n} engineers moved ${f.n2} services to this approach within a year.`,
    `Наша команда из ${f.n} инженеров перевела на этот подход ${f.n2} сервисов за год.`,
  ],
  () => [
    "There will be live coding and plenty of time for questions.",
    "Будет живое программирование и время на вопросы.",
  ],
  () => ["All code examples are published on GitHub.", "Все примеры кода опубликованы на GitHub."],
  (f) => [
    `Our internal service ${f.product[0]} handles ${f.n2} thousand requests a second.`,
    `Наш внутренний сервис ${f.product[0]} обрабатывает ${f.n2} тысяч запросов в секунду.`,
  ],
  (f) => [
    `Finally, we discuss what we would do differently if we started ${f.topic[0]} again today.`,
    `В конце обсудим, что бы мы сделали иначе, если бы начинали заново сегодня.`,
  ],
];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function fill(random: () => number): Fill {
  const tech = pick(random, TECH);
  let tech2 = pick(random, TECH);
  if (tech2 === tech) tech2 = TECH[(TECH.indexOf(tech) + 1) % TECH.length] as Pair;
  return {
    topic: pick(random, TOPICS),
    topic2: pick(random, TOPICS),
    tech,
    tech2,
    company: pick(random, COMPANIES),
    product: productName(random),
    n: 3 + Math.floor(random() * 40),
    n2: 2 + Math.floor(random() * 200),
  };
}

/**
 * A programme of `sessions` talks and workshops (about one speaker per 1.4 sessions) in both languages,
 * the same for the same seed. Times are spread over as many days as needed; rooms are not checked for clashes.
 */
export function syntheticProgramme(sessions: number, seed = 1): Programme {
  const random = rng(seed);
  const speakers: Speaker[] = [];
  const speakerCount = Math.max(1, Math.round(sessions / 1.4));
  for (let i = 0; i < speakerCount; i++) {
    const first = pick(random, FIRST_NAMES);
    const last = random() < 0.5 ? pick(random, LAST_NAMES) : surname(random);
    const company = pick(random, COMPANIES);
    const role = pick(random, ROLES);
    const topic = pick(random, TOPICS);
    speakers.push({
      id: `spk-${i}`,
      name: { en: `${first[0]} ${last[0]}`, ru: `${first[1]} ${last[1]}` },
      affiliation: { en: company[0], ru: company[1] },
      bio: {
        en: `${role[0]} at ${company[0]}, works on ${topic[0]}.`,
        ru: `${role[1]} в ${company[1]}, занимается темой «${topic[1]}».`,
      },
    });
  }
  const list: Session[] = [];
  const day0 = Date.UTC(2030, 2, 1, 5);
  for (let i = 0; i < sessions; i++) {
    const f = fill(random);
    const workshop = random() < 0.1;
    const [titleEn, titleRu] = pick(random, TITLES)(f);
    const count = 4 + Math.floor(random() * 3);
    const sentences = Array.from({ length: count }, () => pick(random, SENTENCES)(f));
    const start = day0 + Math.floor(i / 40) * 86_400_000 + (i % 10) * 3_600_000;
    const people = [pick(random, speakers).id];
    if (random() < 0.15) people.push(pick(random, speakers).id);
    list.push({
      id: `syn-${i}`,
      kind: workshop ? "workshop" : "talk",
      title: workshop
        ? { en: `Workshop: ${titleEn}`, ru: `Мастер-класс: ${titleRu}` }
        : { en: titleEn, ru: titleRu },
      abstract: { en: sentences.map((s) => s[0]).join(" "), ru: sentences.map((s) => s[1]).join(" ") },
      start: new Date(start).toISOString(),
      end: new Date(start + 2_400_000).toISOString(),
      room: `room-${i % 4}`,
      speakers: [...new Set(people)],
    });
  }
  const days = [...new Set(list.map((s) => s.start.slice(0, 10)))];
  return {
    conference: {
      name: { en: "SynthConf", ru: "СинтКонф" },
      timezone: "UTC",
      languages: ["en", "ru"],
      tracks: [],
      days,
      rooms: [0, 1, 2, 3].map((r) => ({ id: `room-${r}`, name: { en: `Room ${r}`, ru: `Зал ${r}` } })),
    },
    sessions: list,
    speakers,
  };
}

/** Two programmes as one: sessions and speakers of both (their ids must not clash), the first's conference. */
export function mergeProgrammes(a: Programme, b: Programme): Programme {
  return {
    conference: a.conference,
    sessions: [...a.sessions, ...b.sessions],
    speakers: [...a.speakers, ...b.speakers],
  };
}

const NEGATIVES = [
  "kubernetes",
  "блокчейн",
  "react",
  "ракета",
  "футбол",
  "vue",
  "golang",
  "погода",
  "xyzzy",
  "qwfpgj",
];

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2);
}

function typo(word: string, random: () => number): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  return random() < 0.5
    ? word.slice(0, i) + word.slice(i + 1)
    : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/**
 * Mixed benchmark queries drawn from a programme, the same for the same seed: title words in both languages,
 * surnames in both scripts, typos, the wrong keyboard layout, companies, brands spelled in Cyrillic, and
 * things that are not there.
 */
export function benchQueries(p: Programme, count: number, seed = 7): string[] {
  const random = rng(seed);
  const sessions = p.sessions.filter((s) => isContentKind(s.kind));
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const s = pick(random, sessions);
    const who = pick(random, p.speakers);
    const en = words(s.title.en ?? "");
    const ru = words(s.title.ru ?? "");
    const two = (list: string[]) => {
      const k = Math.floor(random() * Math.max(1, list.length - 1));
      return list.slice(k, k + 2).join(" ");
    };
    let q: string | undefined;
    switch (i % 10) {
      case 0:
        q = two(en);
        break;
      case 1:
        q = two(ru);
        break;
      case 2:
        q = who.name.en?.split(" ").at(-1);
        break;
      case 3:
        q = who.name.ru?.split(" ").at(-1);
        break;
      case 4:
        q = typo(pick(random, en) ?? "", random);
        break;
      case 5:
        q = swapLayout(pick(random, ru) ?? "");
        break;
      case 6:
        q = swapLayout(pick(random, en) ?? "");
        break;
      case 7:
        q = who.affiliation ? (random() < 0.5 ? who.affiliation.en : who.affiliation.ru) : who.name.en;
        break;
      case 8:
        q = pick(random, TECH)[1];
        break;
      default:
        q = pick(random, NEGATIVES);
    }
    if (q?.trim()) out.push(q.toLowerCase());
  }
  return out;
}

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Every text a record carries, whatever its languages (a programme may publish one language only). */
function texts(t: Record<string, string | undefined> | undefined): string {
  return Object.values(t ?? {}).join(" ");
}

/** Two words that follow each other in a list (the words of one script in one session's title and abstract). */
function pair(random: () => number, list: readonly string[]): string {
  const k = Math.floor(random() * Math.max(1, list.length - 1));
  return list.slice(k, k + 2).join(" ");
}

/**
 * `count` queries, no two alike, drawn from a programme's own words with the kinds of {@link benchQueries}: two
 * words in a row from a session's title or abstract (in Latin and in Cyrillic script), a speaker's surname alone,
 * with the first name or with a word of their talk (in both scripts), typos, the wrong keyboard layout,
 * affiliations, brands spelled in Cyrillic (alone or with a programme word), and things that are not there
 * (made-up words once the few stock ones are used up). Words repeat across queries as a programme repeats them;
 * whole queries never, so a search's whole-query caches never answer and only word-level ones can. The same for
 * the same seed; throws when the programme is too small to give that many.
 */
export function freshQueries(p: Programme, count: number, seed = 13): string[] {
  const random = rng(seed);
  const sessions = p.sessions.filter((s) => isContentKind(s.kind));
  const speakers = p.speakers.length ? p.speakers : [undefined];
  const wordsOf = sessions.map((s) => words(`${texts(s.title)} ${texts(s.abstract)}`));
  const talkOf = new Map<string, string[]>();
  sessions.forEach((s, i) => {
    for (const id of s.speakers) talkOf.set(id, [...(talkOf.get(id) ?? []), ...(wordsOf[i] as string[])]);
  });
  const seen = new Set<string>();
  const out: string[] = [];
  const attempts = count * 50;
  for (let i = 0; out.length < count && i < attempts; i++) {
    const k = Math.floor(random() * sessions.length);
    const all = wordsOf[k] ?? [];
    const latin = all.filter((w) => LATIN.test(w));
    const cyrillic = all.filter((w) => CYRILLIC.test(w));
    const who = pick(random, speakers);
    const name = (lang: "en" | "ru") => (who ? (who.name[lang] ?? texts(who.name)).split(" ") : []);
    const person = (lang: "en" | "ru") => {
      const parts = name(lang);
      const r = random();
      if (r < 0.4) return parts.at(-1);
      if (r < 0.7) return parts.join(" ");
      return `${parts.at(-1)} ${pick(random, who ? (talkOf.get(who.id) ?? all) : all) ?? ""}`;
    };
    let q: string | undefined;
    switch (i % 10) {
      case 0:
        q = pair(random, latin);
        break;
      case 1:
        q = pair(random, cyrillic);
        break;
      case 2:
        q = person("en");
        break;
      case 3:
        q = person("ru");
        break;
      case 4:
        q = typo(pick(random, all) ?? "", random);
        break;
      case 5:
        q = swapLayout(random() < 0.7 ? (pick(random, cyrillic) ?? "") : pair(random, cyrillic));
        break;
      case 6:
        q = swapLayout(random() < 0.7 ? (pick(random, latin) ?? "") : pair(random, latin));
        break;
      case 7: {
        const firm = who?.affiliation ? pick(random, Object.values(who.affiliation)) : undefined;
        q = firm && random() < 0.5 ? firm : `${firm ?? ""} ${pick(random, all) ?? ""}`;
        break;
      }
      case 8: {
        const brand = pick(random, TECH)[1];
        q = random() < 0.3 ? brand : `${brand} ${pick(random, cyrillic) ?? ""}`;
        break;
      }
      default:
        q = random() < 0.3 ? pick(random, NEGATIVES) : productName(random)[0];
    }
    const query = q?.trim().replace(/\s+/g, " ").toLowerCase();
    if (query && !seen.has(query)) {
      seen.add(query);
      out.push(query);
    }
  }
  if (out.length < count)
    throw new Error(
      `freshQueries: the programme gave ${out.length} distinct queries, not the ${count} asked`,
    );
  return out;
}
