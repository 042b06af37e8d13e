/**
 * The glossary's vocabulary, one concept a line: "russian = english = german = french", each column a comma-
 * separated list of synonyms or phrases (a column may be empty or left out). Any word of one column also
 * looks for the words of the others. General vocabulary of technology and of what conferences talk about;
 * never answers to particular queries. Translations are kept narrow: a broad one ("квадрокоптер = drone")
 * would let a query reach talks about something else that shares the word (Drone CI).
 *
 * Words the dictionaries translate (data/lexicon/, cross-language.ts) are not here: a concept whose Russian and
 * German words each have one of its English words among their first two dictionary senses, and no French
 * word of its own, was dropped. What stays is what no dictionary knows or knows well enough: phrases
 * ("машинное обучение", "сборка мусора"), jargon and loanwords of IT and of conferences ("деплой", "кэш",
 * "кофе-брейк", "воркшоп", "блиц-доклады"), words whose usual sense a dictionary does not list first, French,
 * and translations that hold at full weight even where the programme says the word itself.
 */
export const GLOSSARY_ENTRIES = `
# programming and software
кэш, кэширование, кэшировать = cache, caching = cache, zwischenspeicher = cache
очередь, очереди сообщений = queue, message queue = warteschlange = file d'attente
задача, задачи = task, job = aufgabe = tâche
фоновые задачи = background tasks, background jobs
тестирование, тест, тесты, тестировать = testing, test, tests = test, testen = test, tests
модульное тестирование, юнит-тесты = unit testing, unit tests
нагрузочное тестирование = load testing
интеграционное тестирование = integration testing
фаззинг = fuzzing = fuzzing
синхронизация = synchronization, sync, syncing = synchronisation
шардинг, шардирование = sharding
база данных, базы данных, бд, субд = database, databases, dbms = datenbank = base de données
реляционный = relational
нереляционный = nonrelational, nosql
данные = data = daten = données
большие данные = big data
развертывание, деплой, выкатка = deployment, deploy = deployment = déploiement
распределенный = distributed = verteilt = distribué
распределенные системы = distributed systems
анализ, анализатор = analysis, analyzer = analyse = analyse
статический анализ = static analysis
масштабирование, масштабируемость, масштабируемый = scaling, scalability, scalable = skalierung = passage à l'échelle
производительность = performance = leistung, performance = performance, performances
оптимизация, оптимизировать = optimization, optimize, optimizing = optimierung = optimisation
задержка = latency, delay
реальное время = realtime, real time
память = memory = speicher = mémoire
управление памятью = memory management
утечка памяти = memory leak
процесс = process = prozess = processus
поток, потоки = thread, threads, stream, streams
многопоточность = multithreading
параллельный, параллельно, параллелизм = parallel, parallelism
конкурентность = concurrency
сеть, сети, сетевой = network, networks, networking = netzwerk, netz = réseau, réseaux
сервер = server = server = serveur
микросервис, микросервисы = microservice, microservices
инфраструктура = infrastructure = infrastruktur = infrastructure
приложение = application, app = anwendung = application
мобильное приложение = mobile app
веб-приложение = web application
веб = web
браузер = browser = browser = navigateur
сайт = website, site = webseite = site
фреймворк = framework
библиотека = library = bibliothek = bibliothèque
пакет, пакеты = package, packages = paket = paquet
пакетный менеджер, менеджер пакетов = package manager
упаковка, пакетирование = packaging
установка, установщик, инсталлятор = installation, installer, install = installation = installation
управление зависимостями = dependency management
байткод = bytecode
сборка мусора, сборщик мусора = garbage collection, garbage collector, gc
сборка = build
система сборки = build system
язык = language = sprache = langue, langage
язык программирования, языки программирования = programming language, programming languages
программирование = programming = programmierung = programmation
разработка = development = entwicklung = développement
разработчик = developer = entwickler = développeur
программист = programmer
разработка игр, геймдев = game development, gamedev
игра, игры = game, games, gaming = spiel, spiele = jeu, jeux
игровой движок = game engine
сообщество = community = gemeinschaft, community = communauté
открытый исходный код, опенсорс, открытое по = open source = open source = logiciel libre, open source
свободное по, свободное программное обеспечение = free software = freie software = logiciel libre
исходный код = source code = quellcode = code source
ошибка, баг = error, bug
отладка, отладчик = debugging, debugger, debug
профилирование, профилировщик = profiling, profiler
трассировка = tracing
мониторинг, наблюдаемость = monitoring, observability = überwachung, monitoring = supervision, monitoring
логирование, журналирование = logging
журнал, лог, логи = log, logs
шаблон, паттерн = pattern, template
расширение = extension
плагин = plugin
непрерывная интеграция = continuous integration, ci
непрерывная доставка = continuous delivery, continuous deployment, cd
автоматизация = automation = automatisierung = automatisation
администрирование, системное администрирование = administration, sysadmin
управление конфигурацией = configuration management
версия, версионирование = version, versioning
контроль версий, система контроля версий = version control
портирование = porting
обновление = update, upgrade = aktualisierung, update = mise à jour
выпуск, релиз = release
дорожная карта = roadmap
будущее = future = zukunft = avenir
история = history = geschichte = histoire
решение = solution
вопрос = question
запрос = request, query
маршрутизация = routing
транзакция = transaction
индекс, индексация = index, indexing
поиск, поисковый движок = search, search engine = suche = recherche
хранилище = storage = speicher = stockage
хранение, хранение данных = storage, data storage = datenspeicherung = stockage, stockage des données
файл = file = datei = fichier
файловая система = filesystem, file system = dateisystem = système de fichiers
граф, графы = graph, graphs
таблица = table
электронная таблица = spreadsheet
схема = schema
функциональное программирование = functional programming
интерфейс = interface
программный интерфейс = api
представление = view
шаблонизатор = template engine
цикл событий = event loop
обработчик = handler
обмен сообщениями, мессенджер = messaging, messenger, instant messaging
уведомление = notification
рассылка = mailing, mailing list
почта, электронная почта = mail, email, e-mail = mail, e-mail = courriel, messagerie
брокер = broker
воркер = worker
планировщик = scheduler
кластер = cluster
узел = node
балансировка нагрузки = load balancing
высокие нагрузки, высоконагруженный = highload, high load
отказоустойчивость = fault tolerance, resilience
доступность = availability, accessibility = barrierefreiheit = accessibilité
репликация = replication
резервное копирование, бэкап = backup, backups = backup, datensicherung = sauvegarde
восстановление = recovery, restore
контейнер, контейнеры, контейнеризация = container, containers, containerization = container = conteneur, conteneurs
оркестрация = orchestration
виртуализация, виртуальная машина = virtualization, virtual machine, vm = virtualisierung = virtualisation
гипервизор = hypervisor
облако, облачный, облачные вычисления = cloud, cloud computing = cloud = cloud, nuage
машинное обучение = machine learning, ml = maschinelles lernen = apprentissage automatique
глубокое обучение = deep learning
нейронная сеть, нейросеть, нейросети = neural network, neural networks
искусственный интеллект, ии = artificial intelligence, ai = künstliche intelligenz, ki = intelligence artificielle, ia
большие языковые модели, языковая модель = large language models, llm, llms, language model
обработка естественного языка = natural language processing, nlp
компьютерное зрение = computer vision
распознавание речи = speech recognition, speech to text
синтез речи = speech synthesis, text to speech
распознавание = recognition
перевод, машинный перевод = translation, machine translation = übersetzung = traduction
анализ данных = data analysis, data analytics
наука о данных = data science
обработка данных = data processing
визуализация = visualization, visualisation
статистика = statistics = statistik = statistiques
научные вычисления = scientific computing
высокопроизводительные вычисления = high performance computing, hpc
суперкомпьютер = supercomputer
квантовые вычисления, квантовый компьютер = quantum computing, quantum computer = quantencomputer
квантовый = quantum = quanten = quantique
квантизация, квантование = quantization, quantisation
алгоритм = algorithm = algorithmus = algorithme
структура данных = data structure
типизация = typing
декоратор = decorator
итератор = iterator
корутина, сопрограмма = coroutine
замыкание = closure
метапрограммирование = metaprogramming
рефакторинг = refactoring
качество кода = code quality
стиль кода = code style
ревью кода, код-ревью = code review
линтер = linter
продакшн, продакшен = production
пользователь, пользователи = user, users = benutzer, nutzer = utilisateur
права доступа = permissions, access control
интерфейс пользователя, пользовательский интерфейс = user interface, ui
удобство использования, юзабилити = usability
дизайн = design
командная строка = command line, cli
терминал = terminal
скрипт, сценарий = script
парсер, разбор = parser, parsing
строка = string
часовой пояс = timezone
локализация, интернационализация = localization, internationalization, i18n
кодировка = encoding
юникод = unicode
встроенный = builtin, embedded
встраиваемые системы = embedded systems, embedded = eingebettete systeme
низкоуровневый = lowlevel, low level
высокоуровневый = highlevel, high level
сокет = socket
протокол = protocol = protokoll = protocole
сопровождение = maintenance
сопровождающий, мейнтейнер = maintainer, maintainers
стартап = startup
проект = project = projekt = projet
инструмент, инструменты = tool, tools = werkzeug = outil, outils
утилита = utility
редактор, текстовый редактор = editor, text editor
среда разработки = ide
окружение = environment
виртуальное окружение = virtual environment
мастер-класс, воркшоп = workshop
учебник, руководство = tutorial, guide
основы = basics
продвинутый = advanced
внутреннее устройство, изнутри = internals
внешний = external
публичный = public
устаревший = legacy
# systems, hardware and networks
операционная система, ос = operating system, os = betriebssystem = système d'exploitation
ядро = kernel = kernel = noyau
ядро линукса, ядро linux = linux kernel
драйвер, драйверы = driver, drivers = treiber = pilote
микроядро = microkernel
загрузчик = bootloader
прошивка = firmware
дистрибутив, дистрибутивы = distribution, distributions, distro
железо, аппаратное обеспечение = hardware = hardware = matériel
открытое железо = open hardware
процессор = processor, cpu = prozessor = processeur
видеокарта = gpu, graphics card
микроконтроллер = microcontroller
плата = board
паяние, пайка = soldering = löten
электроника = electronics = elektronik = électronique
схемотехника = circuit design
принтер = printer = drucker = imprimante
печать = printing = drucken = impression
3d-печать = 3d printing = 3d-druck = impression 3d
датчик, сенсор = sensor = sensor = capteur
интернет вещей = internet of things, iot
умный дом = smart home, home automation
робот, робототехника = robot, robotics = roboter = robot
дрон = drone
квадрокоптер = quadcopter
спутник, спутники = satellite, satellites = satellit = satellite
космос, космический = space
ракета = rocket = rakete = fusée
радио = radio = funk, radio = radio
радиолюбитель, радиолюбители, радиолюбительство = amateur radio, ham radio = amateurfunk, funkamateur
беспроводной = wireless = drahtlos = sans fil
мобильная связь = mobile network, cellular
телефон, смартфон = phone, smartphone = telefon = téléphone
маршрутизатор, роутер = router
коммутатор = switch
межсетевой экран, файрвол, брандмауэр = firewall = firewall = pare-feu
прокси = proxy
днс = dns
адрес = address = adresse = adresse
пропускная способность = bandwidth
оптоволокно = fiber, fibre
интернет = internet
децентрализованный, децентрализация = decentralized, decentralised, decentralization = dezentral = décentralisé
одноранговый, пиринговый = peer to peer, p2p
блокчейн = blockchain
криптовалюта = cryptocurrency
видеосвязь, видеоконференция = video conferencing, videoconference
видео = video
аудио, звук = audio, sound = audio, ton = audio, son
музыка = music = musik = musique
графика = graphics = grafik = graphisme
3d-моделирование, моделирование = modeling, modelling, cad
карта, карты = map, maps = karte = carte
геоданные, геоинформационные системы = geospatial, gis
навигация = navigation
# security and privacy
безопасность = security, safety = sicherheit = sécurité
информационная безопасность = information security, infosec
кибербезопасность = cybersecurity
уязвимость, уязвимости = vulnerability, vulnerabilities = schwachstelle, sicherheitslücke = vulnérabilité
эксплойт = exploit
атака, атаки = attack, attacks = angriff = attaque
взлом, хакер, хакеры = hacking, hacker, hackers
вредоносное, вредоносный, вредоносные программы, вредонос = malware, malicious = schadsoftware = logiciel malveillant
шпионское, шпионские программы, шпионская программа, шпион = spyware = spionagesoftware = logiciel espion
шифрование, шифр = encryption, cipher = verschlüsselung = chiffrement
криптография = cryptography, crypto = kryptographie = cryptographie
подпись, цифровая подпись = signature
пароль, пароли = password, passwords = passwort = mot de passe
аутентификация = authentication = authentifizierung = authentification
авторизация = authorization
идентификация, цифровая идентичность = identity
конфиденциальность, приватность, неприкосновенность частной жизни = privacy = datenschutz, privatsphäre = vie privée
слежка, наблюдение = surveillance = überwachung = surveillance
цензура = censorship = zensur = censure
реверс-инжиниринг, обратная разработка = reverse engineering
# society, law, work
право, закон = law = recht, gesetz = loi, droit
лицензия, лицензирование = license, licensing = lizenz = licence
авторское право = copyright = urheberrecht = droit d'auteur
патент = patent
политика = policy, politics = politik = politique
правительство, государство = government = regierung = gouvernement
демократия = democracy = demokratie = démocratie
финансирование = funding = finanzierung = financement
устойчивое развитие = sustainability = nachhaltigkeit = durabilité
климат, изменение климата, климатический кризис = climate, climate change, climate crisis = klima, klimawandel = climat
энергия, энергетика = energy = energie = énergie
возобновляемая энергия = renewable energy
термоядерный синтез, термоядерный реактор = fusion, fusion reactor
экология, окружающая среда = ecology, environment
сельское хозяйство, фермерство = agriculture, farming = landwirtschaft = agriculture
еда, продукты питания = food = essen, lebensmittel = nourriture
погода, прогноз погоды = weather, weather forecast = wetter = météo
здоровье, медицина = health, medicine, medical = gesundheit, medizin = santé, médecine
выгорание = burnout
психическое здоровье = mental health
образование, обучение = education, learning, teaching = bildung, lehre = éducation, enseignement
школа, школы = school, schools = schule = école
университет = university = universität = université
студенты = students
дети = children, kids = kinder = enfants
наука, исследования = science, research = wissenschaft, forschung = science, recherche
математика = mathematics, math = mathematik = mathématiques
биология, биоинформатика = biology, bioinformatics
транспорт = transport, transportation = verkehr = transport
автомобиль, автомобили = car, cars, vehicle, automotive = auto = voiture
беспилотный автомобиль, беспилотные автомобили = self-driving car, self-driving cars, autonomous vehicle, autonomous vehicles, autonomous driving, driverless car
железная дорога, поезд = railway, train = bahn, zug = train
город, умный город = city, smart city = stadt = ville
доступная среда, инклюзивность = inclusion, inclusive
женщины = women = frauen = femmes
этика = ethics = ethik = éthique
свобода = freedom = freiheit = liberté
права человека = human rights
история компьютеров, ретрокомпьютинг = retrocomputing
язык, лингвистика = linguistics
проверка орфографии, орфография = spell checking, spellchecker, spelling
шрифт, шрифты = font, fonts
книга, книги = book, books = buch = livre
документ, документы = document, documents
офисный пакет = office suite
фотография = photography = fotografie = photo
кино, фильм = film, movie
вики = wiki
защита данных, защита персональных данных = data protection = datenschutz = protection des données
антисемитизм = antisemitism = antisemitismus = antisémitisme
расизм = racism = rassismus = racisme
фашизм, антифашизм = fascism, antifascism = faschismus, antifaschismus = fascisme
синдром самозванца = impostor syndrome, imposter syndrome = hochstapler-syndrom = syndrome de l'imposteur
одежда, обмен одеждой = clothes, clothing, clothes swap = kleidung, kleidertausch = vêtements
днк = dna = dna = adn
генетика = genetics = genetik = génétique
# conference programme
обед = lunch = mittagessen = déjeuner
ужин = dinner = abendessen = dîner
завтрак = breakfast = frühstück = petit déjeuner
перерыв, кофе-брейк = break, coffee break = pause = pause
открытие = opening = eröffnung = ouverture
закрытие = closing = abschluss = clôture
дискуссия, круглый стол = panel, discussion = podiumsdiskussion, diskussion = table ronde
встреча = meetup, meeting
блиц, блиц-доклады = lightning talks
вечеринка = party = party = soirée
# more technology
веб-сервер = web server = webserver = serveur web
база знаний = knowledge base
поисковая система, поисковик = search engine = suchmaschine = moteur de recherche
вычислительный кластер = compute cluster
облачная инфраструктура = cloud infrastructure
центр обработки данных, цод, датацентр = data center, datacenter, data centre = rechenzentrum = centre de données, datacenter
сетевое хранилище = network storage, nas
хранилище объектов, объектное хранилище = object storage
блочное устройство = block device
диск, диски = disk, disks, drive = festplatte = disque
жесткий диск = hard drive, hard disk
флешка = usb stick, flash drive
ssd-диск, твердотельный накопитель = ssd, solid state drive
оперативная память = ram, memory
кэш процессора = cpu cache
прерывание, прерывания = interrupt, interrupts
планирование задач = task scheduling
планировщик задач = task scheduler
системный вызов, системные вызовы = system call, syscall, syscalls
виртуальная память = virtual memory
файловые системы = filesystems, file systems
загрузка системы = boot, booting
безопасная загрузка = secure boot
контейнер docker = docker container
образ, образы = image, images = abbild = image
сборка из исходников = build from source
воспроизводимые сборки, воспроизводимая сборка = reproducible builds, reproducible build = reproduzierbare builds
цепочка поставок = supply chain = lieferkette = chaîne d'approvisionnement
управление пакетами = package management
репозиторий = repository, repo
слияние = merge
коммит = commit
система контроля версий git = git
конвейер, пайплайн = pipeline = pipeline
очередь сообщений = message queue
потоковая обработка = stream processing
пакетная обработка = batch processing
событийно-ориентированный = event driven
реактивный = reactive
неизменяемый = immutable
объектно-ориентированный = object oriented
императивный = imperative
компиляция на лету = just in time, jit
сборщик = builder
кросс-компиляция = cross compilation
ассемблер = assembler, assembly
машинный код = machine code
эмулятор, эмуляция = emulator, emulation = emulator = émulateur
симулятор, симуляция, моделирование = simulator, simulation = simulation = simulation
виртуальная реальность = virtual reality, vr
дополненная реальность = augmented reality, ar
трехмерная графика, 3d-графика = 3d graphics
рендеринг, отрисовка = rendering
шейдер = shader
видеокодек, кодек = codec, video codec
потоковое видео, стриминг = streaming, video streaming
редактор видео, видеоредактор = video editor
редактирование видео, видеомонтаж = video editing
фоторедактор = photo editor
звукозапись = audio recording
синтезатор = synthesizer, synth
музыкальный инструмент = musical instrument
камера = camera = kamera = caméra
сканер = scanner
клавиатура = keyboard = tastatur = clavier
экран, дисплей = screen, display = bildschirm = écran
ноутбук = laptop, notebook
планшет = tablet
носимые устройства = wearables
батарея, аккумулятор = battery = akku, batterie = batterie
зарядка = charging
солнечная энергия, солнечные панели = solar, solar energy, solar panels = solar, photovoltaik = solaire
ветер, ветряная энергия = wind, wind energy
электросеть, энергосистема = power grid, grid
электромобиль = electric vehicle, ev
велосипед = bicycle, bike = fahrrad = vélo
общественный транспорт = public transport, public transit = öpnv = transport public
космический корабль = spacecraft
астрономия = astronomy = astronomie = astronomie
луна = moon = mond = lune
звезды = stars
инопланетная жизнь, внеземная жизнь = alien life, extraterrestrial life
физика частиц = particle physics
коллайдер = collider
# people, society and work
работа, вакансии = job, jobs, work = arbeit = travail
найм = hiring, recruiting
собеседование = interview
наставничество, менторство = mentoring, mentorship = mentoring = mentorat
новички, начинающие = beginners, newcomers = anfänger, einsteiger = débutants
волонтеры = volunteers = freiwillige = bénévoles
управление проектами = project management
менеджмент = management
руководство, лидерство = leadership
команда разработки = development team
удаленная работа = remote work
сообщество разработчиков = developer community
экосистема = ecosystem = ökosystem = écosystème
устойчивость проекта = project sustainability
пожертвования = donations
государственные услуги, госуслуги = public services, e-government
цифровизация = digitalization, digitalisation = digitalisierung = numérisation
цифровой суверенитет = digital sovereignty = digitale souveränität = souveraineté numérique
европа, евросоюз, ес = europe, european union, eu
открытые данные = open data = offene daten = données ouvertes
открытые стандарты = open standards
открытая наука = open science
открытое образование = open education
дезинформация, фейки = disinformation, misinformation, fake news = desinformation
социальные сети, соцсети = social media, social networks = soziale medien, soziale netzwerke = réseaux sociaux
реклама = advertising, ads = werbung = publicité
отслеживание, трекинг = tracking
распознавание лиц = face recognition, facial recognition = gesichtserkennung
камеры наблюдения, видеонаблюдение = surveillance cameras, cctv
полиция = police = polizei = police
суд = court
война = war = krieg = guerre
активизм, активисты = activism, activists = aktivismus = activisme
беженцы = refugees
миграция людей = migration
квир = queer
инвалидность, люди с инвалидностью = disability, disabilities = behinderung = handicap
слепые, незрячие = blind
пожилые люди = elderly, seniors
язык жестов = sign language
# everyday world
дом, жилье = home, housing = wohnung, zuhause = maison, logement
сад, садоводство = garden, gardening
растение, растения = plant, plants = pflanzen = plantes
животные = animals = tiere = animaux
птицы = birds
вода = water = wasser = eau
воздух, качество воздуха = air, air quality
загрязнение = pollution
отходы, мусор = waste, garbage
переработка = recycling
ремонт, право на ремонт = repair, right to repair = reparatur = réparation
еда, кулинария = food, cooking = kochen = cuisine
пиво = beer = bier = bière
кофе = coffee = kaffee = café
чай = tea = tee = thé
шитье = sewing
рукоделие = crafts, crafting
лего = lego
настольные игры = board games
видеоигры = video games
шахматы = chess
# conference programme
доклад-блиц = lightning talk
регистрация = registration = registrierung, anmeldung = inscription, accueil
приветствие, приветственное слово = welcome
постерная сессия, постеры = posters, poster session
вопросы и ответы = q&a, questions and answers
подписание ключей = keysigning, key signing
`;
