/**
 * Names in other languages that no package lists: how the press of each language writes the
 * people the gazetteer knows (standard transliterations), country names the package leaves out
 * ("Китай"), and the adjectives of the countries news names most. Factual data, written by the
 * team. Russian and Polish forms are given in the nominative: the matcher folds case endings.
 */
export type Lang = 'de' | 'fr' | 'es' | 'it' | 'ru' | 'pl' | 'zh'

/** person id → language → names (the full name first, then the surname alone where the press uses it). */
export const PERSON_NAMES: Readonly<Record<string, Partial<Record<Lang, readonly string[]>>>> = {
  'sergey-lavrov': { de: ['Sergej Lawrow', 'Lawrow'], fr: ['Sergueï Lavrov', 'Lavrov'], es: ['Serguéi Lavrov', 'Lavrov'], it: ['Sergej Lavrov', 'Lavrov'], ru: ['Сергей Лавров', 'Лавров'], pl: ['Siergiej Ławrow', 'Ławrow'], zh: ['谢尔盖·拉夫罗夫', '拉夫罗夫'] },
  'vladimir-putin': { de: ['Wladimir Putin', 'Putin'], fr: ['Vladimir Poutine', 'Poutine'], es: ['Vladímir Putin', 'Putin'], it: ['Vladimir Putin', 'Putin'], ru: ['Владимир Путин', 'Путин'], pl: ['Władimir Putin', 'Putin'], zh: ['弗拉基米尔·普京', '普京'] },
  'xi-jinping': { ru: ['Си Цзиньпин'], zh: ['习近平'] },
  'dmitry-peskov': { de: ['Dmitri Peskow', 'Peskow'], fr: ['Dmitri Peskov', 'Peskov'], es: ['Dmitri Peskov', 'Peskov'], it: ['Dmitrij Peskov', 'Peskov'], ru: ['Дмитрий Песков', 'Песков'], pl: ['Dmitrij Pieskow', 'Pieskow'], zh: ['佩斯科夫'] },
  'maria-zakharova': { de: ['Maria Sacharowa', 'Sacharowa'], fr: ['Maria Zakharova', 'Zakharova'], es: ['María Zajárova', 'Zajárova'], it: ['Maria Zakharova', 'Zakharova'], ru: ['Мария Захарова', 'Захарова'], pl: ['Maria Zacharowa', 'Zacharowa'], zh: ['扎哈罗娃'] },
  'wang-yi': { ru: ['Ван И'], zh: ['王毅'] },
  'guo-jiakun': { ru: ['Го Цзякунь'], zh: ['郭嘉昆'] },
  'mao-ning': { ru: ['Мао Нин'], zh: ['毛宁'] },
  'lin-jian': { ru: ['Линь Цзянь'], zh: ['林剑'] },
  'li-qiang': { ru: ['Ли Цян'], zh: ['李强'] },
  'donald-trump': { ru: ['Дональд Трамп', 'Трамп'], zh: ['唐纳德·特朗普', '特朗普'] },
  'joe-biden': { ru: ['Джо Байден', 'Байден'], zh: ['乔·拜登', '拜登'] },
  'emmanuel-macron': { ru: ['Эммануэль Макрон', 'Макрон'], zh: ['埃马纽埃尔·马克龙', '马克龙'] },
  'olaf-scholz': { ru: ['Олаф Шольц', 'Шольц'], zh: ['奥拉夫·朔尔茨', '朔尔茨'] },
  'friedrich-merz': { ru: ['Фридрих Мерц', 'Мерц'], zh: ['弗里德里希·默茨', '默茨'] },
  'volodymyr-zelensky': { de: ['Wolodymyr Selenskyj', 'Selenskyj'], fr: ['Volodymyr Zelensky', 'Zelensky'], es: ['Volodímir Zelenski', 'Zelenski'], it: ['Volodymyr Zelensky', 'Zelensky'], ru: ['Владимир Зеленский', 'Зеленский'], pl: ['Wołodymyr Zełenski', 'Zełenski'], zh: ['泽连斯基'] },
  'antonio-guterres': { ru: ['Антониу Гутерриш', 'Гутерриш'], zh: ['古特雷斯'] },
  'ursula-von-der-leyen': { ru: ['Урсула фон дер Ляйен'], zh: ['冯德莱恩'] },
  'keir-starmer': { ru: ['Кир Стармер', 'Стармер'], zh: ['斯塔默'] },
  'giorgia-meloni': { ru: ['Джорджа Мелони', 'Мелони'], zh: ['梅洛尼'] },
  'donald-tusk': { ru: ['Дональд Туск', 'Туск'], zh: ['图斯克'] },
  'narendra-modi': { ru: ['Нарендра Моди', 'Моди'], zh: ['莫迪'] },
  'recep-tayyip-erdogan': { ru: ['Реджеп Тайип Эрдоган', 'Эрдоган'], zh: ['埃尔多安'] },
  'kim-jong-un': { ru: ['Ким Чен Ын'], zh: ['金正恩'] },
  'marco-rubio': { ru: ['Марко Рубио', 'Рубио'], zh: ['鲁比奥'] },
  'sergei-shoigu': { de: ['Sergej Schoigu', 'Schoigu'], fr: ['Sergueï Choïgou', 'Choïgou'], es: ['Serguéi Shoigú', 'Shoigú'], ru: ['Сергей Шойгу', 'Шойгу'], pl: ['Siergiej Szojgu', 'Szojgu'], zh: ['绍伊古'] },
  'mikhail-mishustin': { de: ['Michail Mischustin', 'Mischustin'], fr: ['Mikhaïl Michoustine', 'Michoustine'], ru: ['Михаил Мишустин', 'Мишустин'], pl: ['Michaił Miszustin', 'Miszustin'], zh: ['米舒斯京'] },
  'dmitry-medvedev': { de: ['Dmitri Medwedew', 'Medwedew'], fr: ['Dmitri Medvedev', 'Medvedev'], es: ['Dmitri Medvédev', 'Medvédev'], ru: ['Дмитрий Медведев', 'Медведев'], pl: ['Dmitrij Miedwiediew', 'Miedwiediew'], zh: ['梅德韦杰夫'] },
  'antony-blinken': { ru: ['Энтони Блинкен', 'Блинкен'], zh: ['布林肯'] },
  'annalena-baerbock': { ru: ['Анналена Бербок', 'Бербок'], zh: ['贝尔伯克'] },
  'mark-rutte': { ru: ['Марк Рютте', 'Рютте'], zh: ['吕特'] },
  'kaja-kallas': { ru: ['Кая Каллас', 'Каллас'], zh: ['卡拉斯'] },
}

/** alpha-2 → language → names the package does not give (short forms the press uses). */
export const COUNTRY_NAMES: Readonly<Record<string, Partial<Record<Lang, readonly string[]>>>> = {
  CN: { ru: ['Китай'], zh: ['中国', '中华人民共和国'], pl: ['ChRL'] },
  US: { de: ['USA', 'Vereinigte Staaten'], fr: ['États-Unis', 'Etats-Unis'], es: ['EE. UU.', 'EEUU'], it: ['Stati Uniti', 'USA'], ru: ['США', 'Соединённые Штаты', 'Соединенные Штаты'], pl: ['USA', 'Stany Zjednoczone'], zh: ['美国'] },
  RU: { de: ['Russland'], ru: ['Россия', 'РФ'], zh: ['俄罗斯', '俄'] },
  GB: { de: ['Großbritannien'], fr: ['Royaume-Uni'], es: ['Reino Unido'], it: ['Regno Unito'], ru: ['Великобритания', 'Британия'], pl: ['Wielka Brytania'], zh: ['英国'] },
  KP: { de: ['Nordkorea'], fr: ['Corée du Nord'], es: ['Corea del Norte'], it: ['Corea del Nord'], ru: ['КНДР', 'Северная Корея'], pl: ['Korea Północna'], zh: ['朝鲜'] },
}

/** alpha-2 → language → adjectives (every gender and number; Russian and Polish in the nominative). */
export const COUNTRY_ADJECTIVES: Readonly<Record<string, Partial<Record<Lang, readonly string[]>>>> = {
  RU: { de: ['russisch', 'russische', 'russischen', 'russischer', 'russisches'], fr: ['russe', 'russes'], es: ['ruso', 'rusa', 'rusos', 'rusas'], it: ['russo', 'russa', 'russi', 'russe'], ru: ['российский', 'российская', 'российское', 'российские', 'русский'], pl: ['rosyjski', 'rosyjska', 'rosyjskie', 'rosyjskiego', 'rosyjskiej'] },
  CN: { de: ['chinesisch', 'chinesische', 'chinesischen', 'chinesischer', 'chinesisches'], fr: ['chinois', 'chinoise', 'chinoises'], es: ['chino', 'china', 'chinos', 'chinas'], it: ['cinese', 'cinesi'], ru: ['китайский', 'китайская', 'китайское', 'китайские'], pl: ['chiński', 'chińska', 'chińskie', 'chińskiego', 'chińskiej'] },
  US: { de: ['amerikanisch', 'amerikanische', 'amerikanischen', 'amerikanischer', 'US-amerikanische', 'US-amerikanischen'], fr: ['américain', 'américaine', 'américains', 'américaines'], es: ['estadounidense', 'estadounidenses', 'norteamericano', 'norteamericana'], it: ['americano', 'americana', 'americani', 'americane', 'statunitense'], ru: ['американский', 'американская', 'американское', 'американские'], pl: ['amerykański', 'amerykańska', 'amerykańskie', 'amerykańskiego', 'amerykańskiej'] },
  DE: { de: ['deutsch', 'deutsche', 'deutschen', 'deutscher', 'deutsches'], fr: ['allemand', 'allemande', 'allemands', 'allemandes'], es: ['alemán', 'alemana', 'alemanes', 'alemanas'], it: ['tedesco', 'tedesca', 'tedeschi', 'tedesche'], ru: ['немецкий', 'немецкая', 'германский'], pl: ['niemiecki', 'niemiecka', 'niemieckie', 'niemieckiego', 'niemieckiej'] },
  FR: { de: ['französisch', 'französische', 'französischen', 'französischer'], fr: ['français', 'française', 'françaises'], es: ['francés', 'francesa', 'franceses'], it: ['francese', 'francesi'], ru: ['французский', 'французская'], pl: ['francuski', 'francuska', 'francuskie', 'francuskiego', 'francuskiej'] },
  UA: { de: ['ukrainisch', 'ukrainische', 'ukrainischen', 'ukrainischer'], fr: ['ukrainien', 'ukrainienne', 'ukrainiens'], es: ['ucraniano', 'ucraniana', 'ucranianos'], it: ['ucraino', 'ucraina', 'ucraini'], ru: ['украинский', 'украинская'], pl: ['ukraiński', 'ukraińska', 'ukraińskie', 'ukraińskiego', 'ukraińskiej'] },
  PL: { de: ['polnisch', 'polnische', 'polnischen', 'polnischer'], fr: ['polonais', 'polonaise'], es: ['polaco', 'polaca', 'polacos'], it: ['polacco', 'polacca', 'polacchi'], ru: ['польский', 'польская'], pl: ['polski', 'polska', 'polskie', 'polskiego', 'polskiej'] },
  GB: { de: ['britisch', 'britische', 'britischen', 'britischer'], fr: ['britannique', 'britanniques'], es: ['británico', 'británica', 'británicos'], it: ['britannico', 'britannica', 'britannici'], ru: ['британский', 'британская'], pl: ['brytyjski', 'brytyjska', 'brytyjskie', 'brytyjskiego', 'brytyjskiej'] },
}

/**
 * alpha-2 → language → the capital and the seats of power the press of that language names for
 * the government ("Moskau", "Пекин", "Casa Bianca", "Кремль"), where the English name is not
 * written alike: "Berlin", "Washington" and "Madrid" are matched by their English names in every
 * language. The capital first; the English gazetteer lists each of these as a metonym of its
 * country. Russian and Polish in the nominative.
 */
export const COUNTRY_SEATS: Readonly<Record<string, Partial<Record<Lang, { readonly capital?: readonly string[]; readonly seats?: readonly string[] }>>>> = {
  RU: {
    de: { capital: ['Moskau'], seats: ['Kreml'] }, fr: { capital: ['Moscou'], seats: ['Kremlin'] }, es: { capital: ['Moscú'], seats: ['Kremlin'] },
    it: { capital: ['Mosca'], seats: ['Cremlino'] }, ru: { capital: ['Москва'], seats: ['Кремль'] }, pl: { capital: ['Moskwa'], seats: ['Kreml'] },
    zh: { capital: ['莫斯科'], seats: ['克里姆林宫'] },
  },
  CN: {
    de: { capital: ['Peking'] }, fr: { capital: ['Pékin'] }, es: { capital: ['Pekín'] }, it: { capital: ['Pechino'] }, ru: { capital: ['Пекин'] },
    pl: { capital: ['Pekin'] }, zh: { capital: ['北京'], seats: ['中南海'] },
  },
  US: {
    de: { seats: ['Weißes Haus', 'Weiße Haus', 'Weißen Haus', 'Weißen Hauses'] }, fr: { seats: ['Maison-Blanche', 'Maison Blanche'] },
    es: { seats: ['Casa Blanca'] }, it: { seats: ['Casa Bianca'] }, ru: { capital: ['Вашингтон'], seats: ['Белый дом'] },
    pl: { capital: ['Waszyngton'], seats: ['Biały Dom'] }, zh: { capital: ['华盛顿'], seats: ['白宫'] },
  },
  UA: {
    de: { capital: ['Kiew'] }, fr: { capital: ['Kiev'] }, es: { capital: ['Kiev'] }, it: { capital: ['Kiev'] }, ru: { capital: ['Киев'] },
    pl: { capital: ['Kijów'] }, zh: { capital: ['基辅'] },
  },
  DE: { de: { seats: ['Kanzleramt'] }, ru: { capital: ['Берлин'] }, zh: { capital: ['柏林'] } },
  FR: {
    de: { seats: ['Élysée-Palast', 'Elysée-Palast', 'Élysée', 'Elysée'] }, fr: { seats: ['Élysée', 'Elysée'] }, es: { capital: ['París'], seats: ['Elíseo'] },
    it: { capital: ['Parigi'], seats: ['Eliseo'] }, ru: { capital: ['Париж'], seats: ['Елисейский дворец'] }, pl: { capital: ['Paryż'], seats: ['Pałac Elizejski'] },
    zh: { capital: ['巴黎'], seats: ['爱丽舍宫'] },
  },
  GB: {
    fr: { capital: ['Londres'] }, es: { capital: ['Londres'] }, it: { capital: ['Londra'] }, ru: { capital: ['Лондон'] }, pl: { capital: ['Londyn'] }, zh: { capital: ['伦敦'] },
  },
  PL: {
    de: { capital: ['Warschau'] }, fr: { capital: ['Varsovie'] }, es: { capital: ['Varsovia'] }, it: { capital: ['Varsavia'] }, ru: { capital: ['Варшава'] },
    pl: { capital: ['Warszawa'] }, zh: { capital: ['华沙'] },
  },
  IT: { de: { capital: ['Rom'] }, es: { capital: ['Roma'] }, it: { capital: ['Roma'] }, ru: { capital: ['Рим'] }, pl: { capital: ['Rzym'] }, zh: { capital: ['罗马'] } },
  ES: { ru: { capital: ['Мадрид'] }, zh: { capital: ['马德里'] } },
  JP: { de: { capital: ['Tokio'] }, es: { capital: ['Tokio'] }, ru: { capital: ['Токио'] }, pl: { capital: ['Tokio'] }, zh: { capital: ['东京'] } },
  IN: { de: { capital: ['Neu-Delhi'] }, es: { capital: ['Nueva Delhi'] }, it: { capital: ['Nuova Delhi'] }, ru: { capital: ['Нью-Дели'] }, zh: { capital: ['新德里'] } },
  IR: {
    de: { capital: ['Teheran'] }, fr: { capital: ['Téhéran'] }, es: { capital: ['Teherán'] }, it: { capital: ['Teheran'] }, ru: { capital: ['Тегеран'] },
    pl: { capital: ['Teheran'] }, zh: { capital: ['德黑兰'] },
  },
  IL: { fr: { capital: ['Jérusalem'] }, es: { capital: ['Jerusalén'] }, it: { capital: ['Gerusalemme'] }, ru: { capital: ['Иерусалим'] }, pl: { capital: ['Jerozolima'] }, zh: { capital: ['耶路撒冷'] } },
  TR: { ru: { capital: ['Анкара'] }, zh: { capital: ['安卡拉'] } },
  KP: { de: { capital: ['Pjöngjang'] }, es: { capital: ['Pionyang'] }, ru: { capital: ['Пхеньян'] }, pl: { capital: ['Pjongjang'] }, zh: { capital: ['平壤'] } },
  KR: { fr: { capital: ['Séoul'] }, es: { capital: ['Seúl'] }, ru: { capital: ['Сеул'] }, zh: { capital: ['首尔'] } },
  BY: { ru: { capital: ['Минск'] }, zh: { capital: ['明斯克'] } },
  SY: {
    de: { capital: ['Damaskus'] }, fr: { capital: ['Damas'] }, es: { capital: ['Damasco'] }, it: { capital: ['Damasco'] }, ru: { capital: ['Дамаск'] },
    pl: { capital: ['Damaszek'] }, zh: { capital: ['大马士革'] },
  },
  EG: { de: { capital: ['Kairo'] }, fr: { capital: ['Le Caire'] }, es: { capital: ['El Cairo'] }, it: { capital: ['Il Cairo'] }, ru: { capital: ['Каир'] }, pl: { capital: ['Kair'] }, zh: { capital: ['开罗'] } },
  SA: { de: { capital: ['Riad'] }, fr: { capital: ['Riyad'] }, es: { capital: ['Riad'] }, it: { capital: ['Riad'] }, ru: { capital: ['Эр-Рияд'] }, pl: { capital: ['Rijad'] }, zh: { capital: ['利雅得'] } },
  TW: { ru: { capital: ['Тайбэй'] }, zh: { capital: ['台北'] } },
  AT: { de: { capital: ['Wien'] }, es: { capital: ['Viena'] }, ru: { capital: ['Вена'] }, pl: { capital: ['Wiedeń'] }, zh: { capital: ['维也纳'] } },
  CZ: { de: { capital: ['Prag'] }, es: { capital: ['Praga'] }, it: { capital: ['Praga'] }, ru: { capital: ['Прага'] }, pl: { capital: ['Praga'] }, zh: { capital: ['布拉格'] } },
  BE: { de: { capital: ['Brüssel'] }, fr: { capital: ['Bruxelles'] }, es: { capital: ['Bruselas'] }, it: { capital: ['Bruxelles'] }, ru: { capital: ['Брюссель'] }, pl: { capital: ['Bruksela'] }, zh: { capital: ['布鲁塞尔'] } },
}

/** Names of a body or a treaty in one language: full names and short names, and acronyms (matched only as written, in capitals). */
export interface LocalNames {
  readonly names?: readonly string[]
  readonly acronyms?: readonly string[]
}

/**
 * organisation id → language → its names as that language's press writes them. Only what the
 * English names do not already match: "NATO", "BRICS" and "OSCE" are written alike in Latin
 * script and are matched in every language. Russian and Polish names in the nominative.
 * German names are given in the forms its articles decline them to ("der Internationale
 * Währungsfonds", "des Internationalen Strafgerichtshofs"): the matcher folds no German endings.
 * Left out on purpose: acronyms another common word or code spells ("UA" for the African Union is
 * also Ukraine's code), and a ministry named only by its country's adjective in languages that
 * decline the adjective ("des russischen Außenministeriums").
 */
export const ORGANIZATION_NAMES: Readonly<Record<string, Partial<Record<Lang, LocalNames>>>> = {
  un: {
    de: { names: ['Vereinte Nationen', 'Vereinten Nationen'], acronyms: ['UNO'] }, fr: { names: ['Organisation des Nations unies', 'Nations unies'], acronyms: ['ONU'] },
    es: { names: ['Organización de las Naciones Unidas', 'Naciones Unidas'], acronyms: ['ONU'] }, it: { names: ['Organizzazione delle Nazioni Unite', 'Nazioni Unite', 'Onu'], acronyms: ['ONU'] },
    ru: { names: ['Организация Объединённых Наций', 'Организация Объединенных Наций'], acronyms: ['ООН'] }, pl: { names: ['Organizacja Narodów Zjednoczonych'], acronyms: ['ONZ'] },
    zh: { names: ['联合国'] },
  },
  unsc: {
    de: { names: ['UN-Sicherheitsrat', 'Weltsicherheitsrat'] }, fr: { names: ["Conseil de sécurité de l'ONU", 'Conseil de sécurité des Nations unies'] },
    es: { names: ['Consejo de Seguridad de la ONU', 'Consejo de Seguridad de las Naciones Unidas'] }, it: { names: ["Consiglio di sicurezza dell'ONU", 'Consiglio di sicurezza delle Nazioni Unite'] },
    ru: { names: ['Совет Безопасности ООН', 'Совбез ООН'], acronyms: ['СБ ООН'] }, pl: { names: ['Rada Bezpieczeństwa ONZ'] }, zh: { names: ['联合国安理会', '安理会'] },
  },
  unga: {
    de: { names: ['UN-Generalversammlung', 'UN-Vollversammlung'] }, fr: { names: ["Assemblée générale de l'ONU", 'Assemblée générale des Nations unies'] },
    es: { names: ['Asamblea General de la ONU', 'Asamblea General de las Naciones Unidas'] }, it: { names: ["Assemblea generale dell'ONU", 'Assemblea generale delle Nazioni Unite'] },
    ru: { names: ['Генеральная Ассамблея ООН', 'Генассамблея ООН'] }, pl: { names: ['Zgromadzenie Ogólne ONZ'] }, zh: { names: ['联合国大会', '联大'] },
  },
  icj: {
    de: { names: ['Internationaler Gerichtshof', 'Internationale Gerichtshof', 'Internationalen Gerichtshof', 'Internationalen Gerichtshofs'], acronyms: ['IGH'] }, fr: { names: ['Cour internationale de justice'], acronyms: ['CIJ'] },
    es: { names: ['Corte Internacional de Justicia'], acronyms: ['CIJ'] }, it: { names: ['Corte internazionale di giustizia'] },
    ru: { names: ['Международный суд ООН'] }, pl: { names: ['Międzynarodowy Trybunał Sprawiedliwości'], acronyms: ['MTS'] }, zh: { names: ['国际法院'] },
  },
  icc: {
    de: { names: ['Internationaler Strafgerichtshof', 'Internationale Strafgerichtshof', 'Internationalen Strafgerichtshof', 'Internationalen Strafgerichtshofs'], acronyms: ['IStGH'] }, fr: { names: ['Cour pénale internationale'], acronyms: ['CPI'] },
    es: { names: ['Corte Penal Internacional'], acronyms: ['CPI'] }, it: { names: ['Corte penale internazionale'], acronyms: ['CPI'] },
    ru: { names: ['Международный уголовный суд'], acronyms: ['МУС'] }, pl: { names: ['Międzynarodowy Trybunał Karny'], acronyms: ['MTK'] }, zh: { names: ['国际刑事法院'] },
  },
  iaea: {
    de: { names: ['Internationale Atomenergiebehörde', 'Internationalen Atomenergiebehörde', 'Internationale Atomenergie-Organisation', 'Internationalen Atomenergie-Organisation'], acronyms: ['IAEO'] }, fr: { names: ["Agence internationale de l'énergie atomique"], acronyms: ['AIEA'] },
    es: { names: ['Organismo Internacional de Energía Atómica'], acronyms: ['OIEA'] }, it: { names: ["Agenzia internazionale per l'energia atomica"], acronyms: ['AIEA'] },
    ru: { names: ['Международное агентство по атомной энергии'], acronyms: ['МАГАТЭ'] }, pl: { names: ['Międzynarodowa Agencja Energii Atomowej'], acronyms: ['MAEA'] }, zh: { names: ['国际原子能机构'] },
  },
  who: {
    de: { names: ['Weltgesundheitsorganisation'] }, fr: { names: ['Organisation mondiale de la santé'], acronyms: ['OMS'] },
    es: { names: ['Organización Mundial de la Salud'], acronyms: ['OMS'] }, it: { names: ['Organizzazione mondiale della sanità'], acronyms: ['OMS'] },
    ru: { names: ['Всемирная организация здравоохранения'], acronyms: ['ВОЗ'] }, pl: { names: ['Światowa Organizacja Zdrowia'] }, zh: { names: ['世界卫生组织', '世卫组织'] },
  },
  wto: {
    de: { names: ['Welthandelsorganisation'] }, fr: { names: ['Organisation mondiale du commerce'], acronyms: ['OMC'] },
    es: { names: ['Organización Mundial del Comercio'], acronyms: ['OMC'] }, it: { names: ['Organizzazione mondiale del commercio'], acronyms: ['OMC'] },
    ru: { names: ['Всемирная торговая организация'], acronyms: ['ВТО'] }, pl: { names: ['Światowa Organizacja Handlu'] }, zh: { names: ['世界贸易组织', '世贸组织'] },
  },
  imf: {
    de: { names: ['Internationaler Währungsfonds', 'Internationale Währungsfonds', 'Internationalen Währungsfonds'], acronyms: ['IWF'] }, fr: { names: ['Fonds monétaire international'], acronyms: ['FMI'] },
    es: { names: ['Fondo Monetario Internacional'], acronyms: ['FMI'] }, it: { names: ['Fondo monetario internazionale'], acronyms: ['FMI'] },
    ru: { names: ['Международный валютный фонд'], acronyms: ['МВФ'] }, pl: { names: ['Międzynarodowy Fundusz Walutowy'], acronyms: ['MFW'] }, zh: { names: ['国际货币基金组织'] },
  },
  'world-bank': {
    de: { names: ['Weltbank'] }, fr: { names: ['Banque mondiale'] }, es: { names: ['Banco Mundial'] }, it: { names: ['Banca mondiale'] },
    ru: { names: ['Всемирный банк'] }, pl: { names: ['Bank Światowy'] }, zh: { names: ['世界银行'] },
  },
  nato: {
    de: { names: ['Nordatlantikpakt'] }, fr: { names: ["Organisation du traité de l'Atlantique nord"] }, es: { names: ['Organización del Tratado del Atlántico Norte'] },
    it: { names: ["Organizzazione del Trattato dell'Atlantico del Nord"] }, ru: { names: ['Организация Североатлантического договора', 'Североатлантический альянс'], acronyms: ['НАТО'] },
    pl: { names: ['Organizacja Traktatu Północnoatlantyckiego', 'Sojusz Północnoatlantycki'] }, zh: { names: ['北约', '北大西洋公约组织'] },
  },
  eu: {
    de: { names: ['Europäische Union', 'Europäischen Union'] }, fr: { names: ['Union européenne'], acronyms: ['UE'] }, es: { names: ['Unión Europea'], acronyms: ['UE'] },
    it: { names: ['Unione europea'], acronyms: ['UE'] }, ru: { names: ['Европейский союз', 'Евросоюз'], acronyms: ['ЕС'] }, pl: { names: ['Unia Europejska'], acronyms: ['UE'] },
    zh: { names: ['欧盟', '欧洲联盟'] },
  },
  'european-commission': {
    de: { names: ['Europäische Kommission', 'Europäischen Kommission', 'EU-Kommission'] }, fr: { names: ['Commission européenne'] }, es: { names: ['Comisión Europea'] }, it: { names: ['Commissione europea'] },
    ru: { names: ['Европейская комиссия', 'Еврокомиссия'] }, pl: { names: ['Komisja Europejska'] }, zh: { names: ['欧盟委员会', '欧委会'] },
  },
  osce: {
    de: { names: ['Organisation für Sicherheit und Zusammenarbeit in Europa'], acronyms: ['OSZE'] }, fr: { names: ['Organisation pour la sécurité et la coopération en Europe'] },
    es: { names: ['Organización para la Seguridad y la Cooperación en Europa'] }, it: { names: ['Organizzazione per la sicurezza e la cooperazione in Europa'] },
    ru: { names: ['Организация по безопасности и сотрудничеству в Европе'], acronyms: ['ОБСЕ'] }, pl: { names: ['Organizacja Bezpieczeństwa i Współpracy w Europie'], acronyms: ['OBWE'] },
    zh: { names: ['欧洲安全与合作组织', '欧安组织'] },
  },
  sco: {
    de: { names: ['Schanghaier Organisation für Zusammenarbeit'], acronyms: ['SOZ'] }, fr: { names: ['Organisation de coopération de Shanghai'], acronyms: ['OCS'] },
    es: { names: ['Organización de Cooperación de Shanghái'], acronyms: ['OCS'] }, it: { names: ['Organizzazione per la cooperazione di Shanghai'] },
    ru: { names: ['Шанхайская организация сотрудничества'], acronyms: ['ШОС'] }, pl: { names: ['Szanghajska Organizacja Współpracy'] }, zh: { names: ['上海合作组织', '上合组织'] },
  },
  brics: { ru: { acronyms: ['БРИКС'] }, zh: { names: ['金砖国家'] } },
  g7: { ru: { names: ['Большая семёрка', 'Большая семерка', 'Группа семи'] }, zh: { names: ['七国集团'] } },
  g20: { ru: { names: ['Большая двадцатка', 'Группа двадцати'] }, zh: { names: ['二十国集团'] } },
  opec: { fr: { acronyms: ['OPEP'] }, es: { acronyms: ['OPEP'] }, ru: { acronyms: ['ОПЕК'] }, zh: { names: ['石油输出国组织', '欧佩克'] } },
  csto: {
    de: { names: ['Organisation des Vertrags über kollektive Sicherheit'], acronyms: ['OVKS'] }, fr: { names: ['Organisation du traité de sécurité collective'], acronyms: ['OTSC'] },
    es: { names: ['Organización del Tratado de Seguridad Colectiva'], acronyms: ['OTSC'] }, it: { names: ['Organizzazione del Trattato di Sicurezza Collettiva'] },
    ru: { names: ['Организация Договора о коллективной безопасности'], acronyms: ['ОДКБ'] }, pl: { names: ['Organizacja Układu o Bezpieczeństwie Zbiorowym'] },
    zh: { names: ['集体安全条约组织'] },
  },
  asean: { ru: { acronyms: ['АСЕАН'] }, zh: { names: ['东盟', '东南亚国家联盟'] } },
  sipri: {
    de: { names: ['Stockholmer Internationales Friedensforschungsinstitut', 'Stockholmer Internationalen Friedensforschungsinstituts'] }, fr: { names: ['Institut international de recherche sur la paix de Stockholm'] },
    es: { names: ['Instituto Internacional de Investigación para la Paz de Estocolmo'] }, it: { names: ['Istituto internazionale di ricerca sulla pace di Stoccolma'] },
    ru: { names: ['Стокгольмский международный институт исследования проблем мира'], acronyms: ['СИПРИ'] }, pl: { names: ['Sztokholmski Międzynarodowy Instytut Badań nad Pokojem'] },
    zh: { names: ['斯德哥尔摩国际和平研究所'] },
  },
  'ru-mfa': { ru: { names: ['Министерство иностранных дел России', 'Министерство иностранных дел Российской Федерации', 'МИД России', 'МИД РФ'] }, zh: { names: ['俄罗斯外交部', '俄外交部'] } },
  'ru-mod': { ru: { names: ['Министерство обороны России', 'Министерство обороны Российской Федерации', 'Минобороны России', 'Минобороны РФ'] }, zh: { names: ['俄罗斯国防部', '俄国防部'] } },
  'ru-duma': {
    de: { names: ['Staatsduma'] }, fr: { names: ["Douma d'État"] }, es: { names: ['Duma Estatal'] }, it: { names: ['Duma di Stato'] },
    ru: { names: ['Государственная дума', 'Госдума'] }, pl: { names: ['Duma Państwowa'] }, zh: { names: ['国家杜马'] },
  },
  'ru-federation-council': {
    de: { names: ['Föderationsrat'] }, fr: { names: ['Conseil de la Fédération'] }, es: { names: ['Consejo de la Federación'] }, it: { names: ['Consiglio della Federazione'] },
    ru: { names: ['Совет Федерации', 'Совфед'] }, pl: { names: ['Rada Federacji'] }, zh: { names: ['俄罗斯联邦委员会'] },
  },
  'cn-mfa': { ru: { names: ['МИД Китая', 'МИД КНР'] }, zh: { names: ['中国外交部', '中华人民共和国外交部'] } },
  cpc: { ru: { names: ['Коммунистическая партия Китая'], acronyms: ['КПК'] }, zh: { names: ['中国共产党', '中共'] } },
  'cn-pla': { ru: { names: ['Народно-освободительная армия Китая'], acronyms: ['НОАК'] }, zh: { names: ['中国人民解放军', '解放军'] } },
  'us-state-department': {
    de: { names: ['US-Außenministerium'] }, fr: { names: ["Département d'État"] }, es: { names: ['Departamento de Estado'] }, it: { names: ['Dipartimento di Stato'] },
    ru: { names: ['Государственный департамент США', 'Госдепартамент США', 'Госдеп США', 'Госдепартамент', 'Госдеп'] }, pl: { names: ['Departament Stanu'] }, zh: { names: ['美国国务院'] },
  },
  'us-dod': {
    fr: { names: ['Pentagone'] }, es: { names: ['Pentágono'] }, it: { names: ['Pentagono'] },
    ru: { names: ['Министерство обороны США', 'Пентагон'] }, zh: { names: ['美国国防部', '五角大楼'] },
  },
  'us-congress': {
    de: { names: ['US-Kongress'] }, fr: { names: ['Congrès américain'] }, es: { names: ['Congreso de Estados Unidos'] }, it: { names: ['Congresso degli Stati Uniti'] },
    ru: { names: ['Конгресс США'] }, pl: { names: ['Kongres USA'] }, zh: { names: ['美国国会'] },
  },
  tass: { ru: { acronyms: ['ТАСС'] }, zh: { names: ['塔斯社'] } },
  'ria-novosti': { ru: { names: ['РИА Новости'] }, zh: { names: ['俄新社'] } },
  interfax: { ru: { names: ['Интерфакс'] } },
  kommersant: { ru: { names: ['Коммерсантъ', 'Коммерсант'] } },
  izvestia: { ru: { names: ['Известия'] } },
  xinhua: { ru: { names: ['Синьхуа'] }, zh: { names: ['新华社'] } },
  reuters: { ru: { names: ['Рейтер', 'Рейтерс'] }, zh: { names: ['路透社'] } },
  afp: { ru: { names: ['Франс Пресс'] }, zh: { names: ['法新社'] } },
  ap: { zh: { names: ['美联社'] } },
  bloomberg: { ru: { names: ['Блумберг'] }, zh: { names: ['彭博社'] } },
}

/** treaty id → language → its names as that language's press writes them. */
export const TREATY_NAMES: Readonly<Record<string, Partial<Record<Lang, LocalNames>>>> = {
  'new-start': {
    de: { names: ['New-START-Vertrag', 'New-Start-Vertrag', 'neuer START-Vertrag', 'neue START-Vertrag', 'neuen START-Vertrag', 'neuen START-Vertrags'] }, fr: { names: ['nouveau traité START', 'traité New START'] },
    es: { names: ['nuevo START', 'tratado New START'] }, it: { names: ['nuovo START', 'trattato New START'] },
    ru: { names: ['Договор о мерах по дальнейшему сокращению и ограничению стратегических наступательных вооружений'], acronyms: ['ДСНВ', 'СНВ-3'] },
    pl: { names: ['Nowy START', 'nowy traktat START'] }, zh: { names: ['新削减战略武器条约', '新START条约'] },
  },
  inf: {
    de: { names: ['INF-Vertrag'] }, fr: { names: ['traité FNI', 'traité INF'] }, es: { names: ['Tratado INF'] }, it: { names: ['trattato INF'] },
    ru: { names: ['Договор о ликвидации ракет средней и меньшей дальности'], acronyms: ['ДРСМД'] }, pl: { names: ['traktat INF'] }, zh: { names: ['中导条约', '中程导弹条约'] },
  },
  npt: {
    de: { names: ['Atomwaffensperrvertrag', 'Nichtverbreitungsvertrag'] }, fr: { names: ['traité sur la non-prolifération des armes nucléaires'], acronyms: ['TNP'] },
    es: { names: ['Tratado de No Proliferación Nuclear', 'Tratado sobre la No Proliferación de las Armas Nucleares'], acronyms: ['TNP'] },
    it: { names: ['Trattato di non proliferazione nucleare'], acronyms: ['TNP'] },
    ru: { names: ['Договор о нераспространении ядерного оружия'], acronyms: ['ДНЯО'] }, pl: { names: ['Układ o nierozprzestrzenianiu broni jądrowej'] },
    zh: { names: ['不扩散核武器条约', '核不扩散条约'] },
  },
  ctbt: {
    de: { names: ['Atomteststoppvertrag', 'Kernwaffenteststopp-Vertrag'] }, fr: { names: ["traité d'interdiction complète des essais nucléaires"], acronyms: ['TICE'] },
    es: { names: ['Tratado de Prohibición Completa de los Ensayos Nucleares'], acronyms: ['TPCE'] }, it: { names: ['Trattato sulla messa al bando totale degli esperimenti nucleari'] },
    ru: { names: ['Договор о всеобъемлющем запрещении ядерных испытаний'], acronyms: ['ДВЗЯИ'] }, pl: { names: ['Traktat o całkowitym zakazie prób jądrowych'] },
    zh: { names: ['全面禁止核试验条约', '全面禁核试条约'] },
  },
  jcpoa: {
    es: { names: ['Plan de Acción Integral Conjunto'] }, it: { names: ["Piano d'azione congiunto globale"] },
    ru: { names: ['Совместный всеобъемлющий план действий'], acronyms: ['СВПД'] }, pl: { names: ['Wspólny Kompleksowy Plan Działania'] }, zh: { names: ['联合全面行动计划', '伊核协议'] },
  },
  'open-skies': {
    de: { names: ['Vertrag über den Offenen Himmel'] }, fr: { names: ['traité Ciel ouvert', 'traité sur le régime Ciel ouvert'] }, es: { names: ['Tratado de Cielos Abiertos'] },
    it: { names: ['Trattato sui cieli aperti'] }, ru: { names: ['Договор по открытому небу'] }, pl: { names: ['traktat o otwartych przestworzach'] }, zh: { names: ['开放天空条约'] },
  },
  'sino-russian-treaty-2001': { zh: { names: ['中俄睦邻友好合作条约'] } },
}
