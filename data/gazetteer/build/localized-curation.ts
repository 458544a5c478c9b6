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
