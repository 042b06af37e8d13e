/**
 * A general Russian ↔ English glossary of programming and conference vocabulary. A query word in one language
 * also looks for its translations, so "очереди задач" reaches "task queue" even where a Russian text says it
 * differently. Entries are vocabulary, never answers to particular queries.
 */
import { tokenize } from "./normalize.js";
import { stem } from "./stem.js";

/** "russian, synonyms = english, synonyms"; a side may hold phrases of several words. */
const ENTRIES = `
кэш, кэширование, кэшировать = cache, caching
очередь, очереди сообщений = queue, message queue
задача, задачи = task, job
фоновые задачи = background tasks
тестирование, тест, тестировать = testing, test
модульное тестирование = unit testing
юнит-тесты = unit tests
нагрузочное тестирование = load testing
интеграционное тестирование = integration testing
асинхронный, асинхронность = asynchronous, async
синхронный = synchronous
синхронизация = synchronization, sync
шардинг, шардирование = sharding
база данных, бд, субд = database, db
реляционный = relational
нереляционный = nonrelational, nosql
данные = data
развертывание, деплой, выкатка = deployment, deploy
распределенный = distributed
анализ, анализатор = analysis, analyzer
статический = static
динамический = dynamic
масштабирование, масштабируемость, масштабируемый = scaling, scalability, scalable
производительность = performance
оптимизация, оптимизировать = optimization, optimize
ускорение = speedup, acceleration
скорость = speed
быстрый = fast
медленный = slow
задержка = latency, delay
реальное время = realtime, real time
память = memory
процесс = process
поток, потоки = thread, stream
многопоточность = multithreading
параллельный, параллельно = parallel
конкурентность = concurrency
сеть, сетевой = network
сервер = server
клиент = client
сервис, служба = service
микросервис = microservice
инфраструктура = infrastructure
архитектура = architecture
приложение = application, app
веб-приложение = web application
веб = web
сайт = website, site
фреймворк = framework
библиотека = library
пакет = package
упаковка, пакетирование = packaging
установка, установщик = installation, installer
зависимость = dependency
модуль = module
интерпретатор = interpreter
компилятор = compiler
байткод = bytecode
сборка мусора = garbage collection
язык = language
язык программирования = programming language
программирование = programming
разработка = development
разработчик = developer
программист = programmer
сообщество = community
открытый исходный код = open source
исходный код = source code
код = code
ошибка, баг = error, bug
исключение = exception
отладка, отладчик = debugging, debugger
профилирование = profiling
мониторинг = monitoring
логирование, журналирование = logging
журнал, лог = log
документация = documentation
шаблон, паттерн = pattern, template
расширение = extension
плагин = plugin
интеграция = integration
непрерывная интеграция = continuous integration
автоматизация = automation
администрирование = administration
конфигурация, настройка = configuration, settings, tuning
управление конфигурацией = configuration management
версия, версионирование = version, versioning
миграция = migration
переход = transition, migration
низкий = low
высокий = high
портирование = porting
совместимость = compatibility
обновление = update, upgrade
выпуск, релиз = release
дорожная карта = roadmap
будущее = future
история = history
опыт = experience
практика = practice
подход = approach
решение = solution
проблема = problem
вопрос = question
запрос = request, query
ответ = response, answer
маршрутизация = routing
транзакция = transaction
индекс = index
поиск = search
хранилище = storage
хранение = storage
файл = file
файловая система = filesystem
граф = graph
таблица = table
схема = schema
модель = model
объект = object
класс = class
функция = function
метод = method
интерфейс = interface
программный интерфейс = api
представление = view
шаблонизатор = template engine
маршрут = route
сессия = session
безопасность = security
аутентификация = authentication
авторизация = authorization
шифрование = encryption
уязвимость = vulnerability
событие = event
цикл событий = event loop
обработчик = handler
сообщение = message
обмен сообщениями = messaging
уведомление = notification
рассылка = mailing
почта = mail, email
брокер = broker
воркер, обработчик задач = worker
планировщик = scheduler
кластер = cluster
узел = node
балансировка нагрузки = load balancing
нагрузка = load
высокие нагрузки, высоконагруженный = highload, high load
отказоустойчивость = fault tolerance
надежность = reliability
доступность = availability
репликация = replication
резервное копирование = backup
восстановление = recovery
контейнер = container
виртуализация = virtualization
облако, облачный = cloud
машинное обучение = machine learning
нейронная сеть = neural network
искусственный интеллект = artificial intelligence
анализ данных = data analysis
обработка данных = data processing
визуализация = visualization
статистика = statistics
научные вычисления = scientific computing
вычисления = computing, computation
алгоритм = algorithm
структура данных = data structure
типизация = typing
тип, типы = type, types
аннотация = annotation
генератор = generator
декоратор = decorator
итератор = iterator
корутина, сопрограмма = coroutine
замыкание = closure
метапрограммирование = metaprogramming
рефакторинг = refactoring
качество кода = code quality
стиль кода = code style
ревью кода = code review
линтер = linter
прототип = prototype
продакшн, продакшен, боевой = production
пользователь = user
права пользователей = user rights, permissions
интерфейс пользователя = user interface
командная строка = command line
консоль = console
терминал = terminal
скрипт, сценарий = script
парсер, разбор = parser, parsing
строка = string
число = number
дата = date
время = time
часовой пояс = timezone
локализация = localization
перевод = translation
кодировка = encoding
юникод = unicode
встроенный = builtin, embedded
низкоуровневый = lowlevel, low level
высокоуровневый = highlevel, high level
сокет = socket
протокол = protocol
стандарт = standard
спецификация = specification
поддержка = support
сопровождение = maintenance
команда = team, command
компания = company
стартап = startup
продукт = product
проект = project
инструмент = tool
утилита = utility
среда разработки = ide
окружение = environment
виртуальное окружение = virtual environment
изоляция = isolation
песочница = sandbox
мастер-класс, воркшоп = workshop
учебник, руководство = tutorial, guide
введение = introduction
основы = basics
продвинутый = advanced
внутреннее устройство, изнутри = internals
внутренний = internal
внешний = external
публичный = public
частный = private
гибридный = hybrid
сложность = complexity
простой = simple
большой = large
маленький = small
новый = new
старый = old
устаревший = legacy
`;

interface Phrase {
  stems: string[];
  translations: string[][];
}

/** A glossary phrase found in a query: tokens [start, start + length) and what they translate to. */
export interface Translation {
  start: number;
  length: number;
  /** Alternative translations, each a list of words that must all be present. */
  alternatives: string[][];
}

/** Glossary phrases by the first four letters of their first word's stem, for both directions. */
const byFirstStem = new Map<string, Phrase[]>();

/**
 * Whether two stems are the same word. Snowball stems loanwords inconsistently ("деплой" → "депл",
 * "деплоя" → "депло"), so a stem one letter longer than another of at least four letters counts too.
 */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.length === short.length + 1 && long.startsWith(short);
}

function addSide(from: string[], to: string[]): void {
  const translations = to.map((t) => tokenize(t)).filter((t) => t.length);
  for (const f of from) {
    const stems = tokenize(f).map(stem);
    const first = stems[0];
    if (first === undefined) continue;
    const list = byFirstStem.get(first.slice(0, 4)) ?? [];
    list.push({ stems, translations });
    byFirstStem.set(first.slice(0, 4), list);
  }
}

for (const line of ENTRIES.split("\n")) {
  const [ru, en] = line.split("=");
  if (!ru || !en) continue;
  const ruSide = ru.split(",").map((s) => s.trim());
  const enSide = en.split(",").map((s) => s.trim());
  addSide(ruSide, enSide);
  addSide(enSide, ruSide);
}

/** How many glossary phrases (counting both directions and synonyms) are known. */
export function glossarySize(): number {
  let n = 0;
  for (const list of byFirstStem.values()) n += list.length;
  return n;
}

/**
 * The glossary phrases found in a query's tokens (matched on stems of consecutive tokens), with their
 * translations into the other language. A phrase found at several lengths is reported at each.
 */
export function translateTokens(tokens: readonly string[]): Translation[] {
  const stems = tokens.map(stem);
  const found = new Map<string, Translation>();
  for (let i = 0; i < stems.length; i++) {
    for (const p of byFirstStem.get((stems[i] as string).slice(0, 4)) ?? []) {
      if (!p.stems.every((s, j) => sameStem(stems[i + j] ?? "", s))) continue;
      const key = `${i}:${p.stems.length}`;
      const t = found.get(key) ?? { start: i, length: p.stems.length, alternatives: [] };
      t.alternatives.push(...p.translations);
      found.set(key, t);
    }
  }
  return [...found.values()];
}
