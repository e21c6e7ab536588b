// Prompts in Spanish, French, German, Portuguese and Italian: the language is told from its
// function words, then its genre, entity, number and rule words are put into English so the one
// English phrase reader understands them. Words no table knows stay as they were (and are then
// reported as "not used").

export type Language = "en" | "es" | "fr" | "de" | "pt" | "it";

export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", es: "Spanish", fr: "French", de: "German", pt: "Portuguese", it: "Italian" };

/** Lower case, no accents (ß → ss), punctuation to spaces: the form every table below is written in. */
export function plainText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’']/g, "")
    // Sentence punctuation stays as a "." word, so no phrase reads across it ("no enemies, red background").
    .replace(/[,.;:!?()]+/g, " . ")
    .replace(/[^a-z0-9\s.-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Words that only (or mostly) one language uses; enough of them tell the language. */
const FUNCTION_WORDS: Record<Language, string[]> = {
  en: ["the", "a", "an", "and", "with", "where", "you", "game", "of", "to", "that", "your", "for", "in", "on"],
  es: ["el", "los", "las", "y", "juego", "donde", "con", "del", "sin", "que", "una", "para", "unos"],
  fr: ["le", "les", "et", "jeu", "avec", "des", "du", "dans", "pour", "sans", "ou", "qui", "une", "au"],
  de: ["der", "die", "das", "und", "spiel", "mit", "ein", "eine", "im", "fur", "ohne", "wo", "den", "dem", "einem"],
  pt: ["o", "os", "um", "uma", "jogo", "com", "do", "da", "no", "na", "sem", "onde", "em", "voce"],
  it: ["il", "gli", "gioco", "di", "nel", "nella", "per", "senza", "dove", "un", "una", "con", "della", "dei"],
};

/**
 * Phrases of each language and their English, longest first where they overlap. Written without
 * accents (see plainText). Function words are translated too, so "con 3 vidas" reads "with 3 lives".
 */
const TABLES: Record<Exclude<Language, "en">, [string, string][]> = {
  es: [
    ["tres en linea", "three in a row"], ["combinar tres", "match 3"], ["caramelos", "candies"], ["intercambiar", "swap"], ["intercambia", "swap"], ["intercambias", "swap"], ["joyas", "jewels"], ["movimientos", "moves"], ["cascadas", "cascades"],
    ["minigolf", "mini golf"], ["golf", "golf"], ["hoyos", "holes"], ["hoyo", "hole"], ["golpes", "strokes"], ["estanques", "ponds"], ["agua", "water"], ["pelota", "ball"],
    ["mazmorras", "dungeon"], ["mazmorra", "dungeon"], ["llaves", "keys"], ["llave", "key"], ["puertas", "doors"], ["puerta", "door"], ["salas", "rooms"], ["habitaciones", "rooms"], ["esqueletos", "skeletons"], ["abre", "opens"], ["abres", "open"], ["abrir", "open"], ["buscas", "find"], ["busca", "find"], ["buscar", "find"],
    ["disparos desde arriba", "top-down shooter"], ["disparos con vista cenital", "top-down shooter"], ["vista cenital", "top-down"], ["desde arriba", "top-down"], ["apuntas con el raton", "aim with the mouse"], ["apuntar con el raton", "aim with the mouse"], ["apunta con el raton", "aim with the mouse"], ["raton", "mouse"], ["zombis", "zombies"],
    ["juego de escalar", "climbing game"], ["no te caigas", "dont fall"], ["escalador", "climber"], ["escalada", "climbing"], ["escalar", "climb"], ["trepar", "climb"], ["cada vez mas alto", "higher and higher"], ["hacia arriba", "upwards"], ["plataforma", "platform"], ["saltas", "jump"], ["saltar", "jump"],
    ["juego de carreras", "racing game"], ["carreras de coches", "car racing"], ["carreras", "racing"], ["carrera", "race"],
    ["coches", "cars"], ["coche", "car"], ["autos", "cars"], ["buceo", "diving"], ["bucear", "diving"], ["buzo", "diver"],
    ["plataformas", "platformer"], ["disparos", "shooter"], ["nave espacial", "spaceship"], ["naves", "spaceships"],
    ["rompe ladrillos", "breakout"], ["rompeladrillos", "breakout"], ["ladrillos", "bricks"], ["serpiente", "snake"],
    ["corredor infinito", "endless runner"], ["laberinto", "maze"], ["tenis de mesa", "ping pong"], ["pajaro", "bird"],
    ["atrapar", "catch"], ["atrapa", "catch"], ["caen", "fall"], ["cae", "falls"], ["lluvia", "rain"], ["paraguas", "umbrella"],
    ["asteroides", "asteroids"], ["topos", "moles"], ["topo", "mole"], ["memoria", "memory"], ["parejas", "pairs"], ["cartas", "cards"],
    ["invasores espaciales", "space invaders"], ["invasores", "invaders"], ["espaciales", "space"], ["espacial", "space"], ["defensa de torres", "tower defense"], ["torres", "towers"], ["pesca", "fishing"], ["pescar", "fishing"],
    ["peces", "fish"], ["pez", "fish"], ["rana", "frog"], ["cruzar la calle", "cross the road"], ["cruzar la carretera", "cross the road"],
    ["aterrizar en la luna", "land on the moon"], ["aterrizaje lunar", "lunar lander"], ["alunizaje", "lunar lander"], ["luna", "moon"],
    ["contra la computadora", "against the computer"], ["contra el ordenador", "against the computer"], ["contra la maquina", "against the computer"],
    ["contra la cpu", "against the computer"], ["el primero en llegar a", "first to"], ["el primero a", "first to"], ["primero en llegar a", "first to"],
    ["primero a", "first to"], ["cada vez mas rapido", "faster and faster"], ["cada vez mas dificil", "harder and harder"],
    ["sin quedarte sin oxigeno", "dont run out of oxygen"], ["sin quedarse sin oxigeno", "dont run out of oxygen"], ["oxigeno", "oxygen"],
    ["combustible", "fuel"], ["gasolina", "fuel"], ["para ninos", "for kids"], ["para un nino de", "for a"], ["para una nina de", "for a"],
    ["anos", "year old"], ["medusas", "jellyfish"], ["tiburones", "sharks"], ["perlas", "pearls"], ["monedas", "coins"], ["estrellas", "stars"],
    ["manzanas", "apples"], ["enemigos", "enemies"], ["alienigenas", "aliens"], ["rocas", "rocks"], ["bombas", "bombs"], ["fantasmas", "ghosts"],
    ["pajaros", "birds"], ["murcielago", "bat"], ["murcielagos", "bats"], ["gemas", "gems"], ["vidas", "lives"], ["vueltas", "laps"],
    ["niveles", "levels"], ["oleadas", "waves"], ["puntos", "points"], ["segundos", "seconds"], ["minutos", "minutes"], ["playa", "beach"],
    ["espacio", "space"], ["oceano", "ocean"], ["mar", "sea"], ["bosque", "forest"], ["selva", "jungle"], ["desierto", "desert"], ["nieve", "snow"],
    ["noche", "night"], ["castillo", "castle"], ["ciudad", "city"], ["cueva", "cave"], ["atardecer", "sunset"], ["puesta de sol", "sunset"],
    ["facil", "easy"], ["dificil", "hard"], ["recoger", "collect"], ["recoges", "collect"], ["recoge", "collect"], ["recolectar", "collect"],
    ["esquivar", "dodge"], ["esquiva", "dodge"], ["esquivas", "dodge"], ["evitar", "avoid"], ["evita", "avoid"], ["disparar", "shoot"],
    ["un juego de", "a"], ["un juego", "a game"], ["juego", "game"], ["donde", "where"], ["al", "to the"], ["lago", "lake"], ["tipos", "kinds"], ["gana", "wins"], ["con", "with"], ["sin", "no"], ["y", "and"],
    ["en la", "on the"], ["en el", "in the"], ["en", "in"], ["de", "of"], ["del", "of the"], ["el", "the"], ["la", "the"], ["los", "the"],
    ["las", "the"], ["un", "a"], ["una", "a"], ["que", "that"], ["para", "for"], ["rojo", "red"], ["roja", "red"], ["rojas", "red"], ["rojos", "red"], ["fondo", "background"], ["azul", "blue"],
    ["verde", "green"], ["amarillo", "yellow"], ["amarilla", "yellow"], ["negro", "black"], ["blanco", "white"], ["rosa", "pink"],
    ["morado", "purple"], ["naranja", "orange"], ["uno", "one"], ["dos", "two"], ["tres", "three"], ["cuatro", "four"], ["cinco", "five"],
    ["seis", "six"], ["siete", "seven"], ["ocho", "eight"], ["nueve", "nine"], ["diez", "ten"],
  ],
  fr: [
    ["trois en ligne", "three in a row"], ["bonbons", "candies"], ["echanger", "swap"], ["echange", "swap"], ["echanges", "swap"], ["joyaux", "jewels"], ["coups", "moves"], ["cascades", "cascades"],
    ["minigolf", "mini golf"], ["golf", "golf"], ["trous", "holes"], ["trou", "hole"], ["coups", "strokes"], ["etangs", "ponds"], ["eau", "water"], ["balle", "ball"],
    ["donjon", "dungeon"], ["cles", "keys"], ["clefs", "keys"], ["cle", "key"], ["clef", "key"], ["portes", "doors"], ["porte", "door"], ["salles", "rooms"], ["squelettes", "skeletons"], ["ouvre", "opens"], ["ouvrir", "open"],
    ["tir vu de dessus", "top-down shooter"], ["tir vue de dessus", "top-down shooter"], ["vu de dessus", "top-down"], ["vue de dessus", "top-down"], ["tu vises avec la souris", "aim with the mouse"], ["viser avec la souris", "aim with the mouse"], ["vise avec la souris", "aim with the mouse"], ["souris", "mouse"],
    ["jeu descalade", "climbing game"], ["descalade", "climbing"], ["escalade", "climbing"], ["grimpes", "climb"], ["tu", "you"], ["ne tombe pas", "dont fall"], ["grimpeur", "climber"], ["grimper", "climb"], ["grimpe", "climb"], ["de plus en plus haut", "higher and higher"], ["vers le haut", "upwards"], ["sauter", "jump"], ["saute", "jump"],
    ["jeu de course", "racing game"], ["course de voitures", "car racing"], ["voitures", "cars"], ["voiture", "car"], ["course", "race"],
    ["plongee", "diving"], ["plongeur", "diver"], ["plateformes", "platformer"], ["plateforme", "platformer"], ["jeu de tir", "shooter"],
    ["vaisseau spatial", "spaceship"], ["vaisseau", "spaceship"], ["casse-briques", "breakout"], ["casse briques", "breakout"], ["briques", "bricks"],
    ["serpent", "snake"], ["coureur", "runner"], ["labyrinthe", "maze"], ["tennis de table", "ping pong"], ["oiseau", "bird"], ["attraper", "catch"],
    ["tombent", "fall"], ["tombe", "falls"], ["pluie", "rain"], ["parapluie", "umbrella"], ["asteroides", "asteroids"], ["taupes", "moles"],
    ["taupe", "mole"], ["memoire", "memory"], ["paires", "pairs"], ["cartes", "cards"], ["envahisseurs de lespace", "space invaders"], ["envahisseurs", "invaders"], ["spatiaux", "space"], ["spatial", "space"], ["defense de tours", "tower defense"],
    ["defense de tour", "tower defense"], ["peche", "fishing"], ["pecher", "fishing"], ["poissons", "fish"], ["poisson", "fish"], ["grenouille", "frog"],
    ["traverser la route", "cross the road"], ["alunissage", "lunar lander"], ["atterrir sur la lune", "land on the moon"], ["lune", "moon"],
    ["contre lordinateur", "against the computer"], ["contre l ordinateur", "against the computer"], ["contre la machine", "against the computer"],
    ["le premier a", "first to"], ["premier a", "first to"], ["de plus en plus vite", "faster and faster"], ["de plus en plus difficile", "harder and harder"],
    ["sans manquer doxygene", "dont run out of oxygen"], ["oxygene", "oxygen"], ["carburant", "fuel"], ["pour enfants", "for kids"],
    ["pour les enfants", "for kids"], ["pour un enfant de", "for a"], ["ans", "year old"], ["meduses", "jellyfish"], ["requins", "sharks"],
    ["perles", "pearls"], ["pieces", "coins"], ["etoiles", "stars"], ["pommes", "apples"], ["ennemis", "enemies"], ["extraterrestres", "aliens"],
    ["rochers", "rocks"], ["bombes", "bombs"], ["fantomes", "ghosts"], ["oiseaux", "birds"], ["chauve-souris", "bat"], ["chauve souris", "bat"],
    ["gemmes", "gems"], ["vies", "lives"], ["tours", "laps"], ["niveaux", "levels"], ["vagues", "waves"], ["points", "points"],
    ["secondes", "seconds"], ["plage", "beach"], ["espace", "space"], ["ocean", "ocean"], ["mer", "sea"], ["foret", "forest"], ["jungle", "jungle"],
    ["desert", "desert"], ["neige", "snow"], ["nuit", "night"], ["chateau", "castle"], ["ville", "city"], ["grotte", "cave"],
    ["coucher de soleil", "sunset"], ["facile", "easy"], ["difficile", "hard"], ["ramasser", "collect"], ["ramasse", "collect"], ["collecter", "collect"],
    ["esquiver", "dodge"], ["esquive", "dodge"], ["eviter", "avoid"], ["evite", "avoid"], ["tirer", "shoot"], ["un jeu de", "a"], ["un jeu", "a game"],
    ["jeu", "game"], ["ou", "where"], ["lac", "lake"], ["types", "kinds"], ["gagne", "wins"], ["avec", "with"], ["sans", "no"], ["et", "and"], ["sur la", "on the"], ["sur", "on"], ["dans", "in"],
    ["de la", "of the"], ["du", "of the"], ["des", "the"], ["de", "of"], ["le", "the"], ["la", "the"], ["les", "the"], ["un", "a"], ["une", "a"],
    ["qui", "that"], ["pour", "for"], ["rouge", "red"], ["rouges", "red"], ["fond", "background"], ["bleu", "blue"], ["bleue", "blue"], ["vert", "green"], ["verte", "green"], ["jaune", "yellow"],
    ["noir", "black"], ["blanc", "white"], ["rose", "pink"], ["violet", "purple"], ["deux", "two"], ["trois", "three"], ["quatre", "four"],
    ["cinq", "five"], ["six", "six"], ["sept", "seven"], ["huit", "eight"], ["neuf", "nine"], ["dix", "ten"],
  ],
  de: [
    ["drei-gewinnt-spiel", "match 3 game"], ["drei-gewinnt", "match 3"], ["drei gewinnt", "match 3"], ["bonbons", "candies"], ["tauschen", "swap"], ["tausche", "swap"], ["tauschst", "swap"], ["juwelen", "jewels"], ["zuge", "moves"], ["kaskaden", "cascades"],
    ["minigolf-spiel", "mini golf game"], ["minigolfspiel", "mini golf game"], ["minigolf", "mini golf"], ["golf", "golf"], ["lochern", "holes"], ["locher", "holes"], ["loch", "hole"], ["schlage", "strokes"], ["teiche", "ponds"], ["wasser", "water"], ["ball", "ball"],
    ["verliese", "dungeon"], ["verlies", "dungeon"], ["kerker", "dungeon"], ["schlussel", "key"], ["turen", "doors"], ["tur", "door"], ["raume", "rooms"], ["skelette", "skeletons"], ["offnet", "opens"], ["offnen", "open"],
    ["top-down-shooter", "top-down shooter"], ["zielen mit der maus", "aim with the mouse"], ["mit der maus zielen", "aim with the mouse"], ["zielst mit der maus", "aim with the mouse"], ["maus", "mouse"], ["von oben", "top-down"],
    ["kletterspiel", "climbing game"], ["fall nicht runter", "dont fall"], ["nicht runterfallen", "dont fall"], ["spring", "jump"], ["kletterer", "climber"], ["klettern", "climb"], ["kletterst", "climb"], ["immer hoher", "higher and higher"], ["nach oben", "upwards"], ["springen", "jump"], ["springst", "jump"], ["plattform", "platform"],
    ["autorennen", "car racing"], ["rennspiel", "racing game"], ["rennen", "race"], ["autos", "cars"], ["auto", "car"], ["tauchen", "diving"],
    ["taucher", "diver"], ["jump n run", "platformer"], ["plattformspiel", "platformer"], ["plattformen", "platformer"], ["weltraumshooter", "space shooter"],
    ["raumschiff", "spaceship"], ["schiessen", "shoot"], ["ballern", "shoot"], ["steine zerschlagen", "breakout"], ["ziegel", "bricks"],
    ["schlange", "snake"], ["endloslaufer", "endless runner"], ["labyrinth", "maze"], ["irrgarten", "maze"],
    ["tischtennis", "ping pong"], ["vogel", "bird"], ["fangen", "catch"], ["fangt", "catch"], ["fangst", "catch"], ["vom himmel", "from the sky"], ["aus dem himmel", "from the sky"], ["fallen", "fall"], ["fallt", "falls"], ["regen", "rain"],
    ["regenschirm", "umbrella"], ["asteroiden", "asteroids"], ["maulwurfe", "moles"], ["maulwurf", "mole"], ["hau den maulwurf", "whack a mole"],
    ["gedachtnisspiel", "memory"], ["paare", "pairs"], ["karten", "cards"], ["invasoren", "invaders"], ["eindringlinge", "invaders"],
    ["turmverteidigung", "tower defense"], ["turme", "towers"], ["angeln", "fishing"], ["fischen", "fishing"], ["fische", "fish"], ["fisch", "fish"],
    ["frosch", "frog"], ["die strasse uberqueren", "cross the road"], ["strasse uberqueren", "cross the road"], ["mondlandung", "lunar lander"],
    ["auf dem mond landen", "land on the moon"], ["mond", "moon"], ["gegen den computer", "against the computer"], ["gegen die ki", "against the computer"],
    ["wer zuerst", "first to"], ["zuerst", "first to"], ["immer schneller", "faster and faster"], ["immer schwerer", "harder and harder"],
    ["sauerstoff", "oxygen"], ["treibstoff", "fuel"], ["fur kinder", "for kids"], ["fur ein kind von", "for a"], ["jahre alt", "year old"],
    ["jahrige", "year old"], ["jahrigen", "year old"], ["quallen", "jellyfish"], ["haie", "sharks"], ["perlen", "pearls"], ["munzen", "coins"],
    ["sterne", "stars"], ["apfel", "apples"], ["feinde", "enemies"], ["gegner", "enemies"], ["ausserirdische", "aliens"], ["felsen", "rocks"],
    ["bomben", "bombs"], ["geister", "ghosts"], ["vogel", "birds"], ["fledermaus", "bat"], ["fledermause", "bats"], ["edelsteine", "gems"],
    ["leben", "lives"], ["runden", "laps"], ["level", "levels"], ["wellen", "waves"], ["punkte", "points"], ["sekunden", "seconds"],
    ["strand", "beach"], ["weltraum", "space"], ["ozean", "ocean"], ["meer", "sea"], ["wald", "forest"], ["dschungel", "jungle"], ["wuste", "desert"],
    ["schnee", "snow"], ["nacht", "night"], ["burg", "castle"], ["schloss", "castle"], ["stadt", "city"], ["hohle", "cave"],
    ["sonnenuntergang", "sunset"], ["einfach", "easy"], ["leicht", "easy"], ["schwer", "hard"], ["schwierig", "hard"], ["sammeln", "collect"],
    ["sammelst", "collect"], ["ausweichen", "dodge"], ["weichst", "dodge"], ["vermeiden", "avoid"], ["ein spiel", "a game"], ["spiel", "game"],
    ["wo", "where"], ["man", "you"], ["hat", "has"], ["gewinnt", "wins"], ["see", "lake"], ["arten", "kinds"], ["sorten", "kinds"], ["in dem", "where"], ["bei dem", "where"], ["mit", "with"], ["ohne", "no"], ["und", "and"], ["am", "on the"], ["im", "in the"],
    ["in", "in"], ["auf", "on"], ["der", "the"], ["die", "the"], ["das", "the"], ["den", "the"], ["dem", "the"], ["ein", "a"], ["eine", "a"],
    ["einem", "a"], ["einen", "a"], ["fur", "for"], ["du", "you"], ["rot", "red"], ["rote", "red"], ["roten", "red"], ["blau", "blue"], ["blaue", "blue"], ["blauen", "blue"], ["grune", "green"], ["grunen", "green"], ["hintergrund", "background"],
    ["grun", "green"], ["gelb", "yellow"], ["schwarz", "black"], ["weiss", "white"], ["eins", "one"], ["zwei", "two"], ["drei", "three"],
    ["vier", "four"], ["funf", "five"], ["sechs", "six"], ["sieben", "seven"], ["acht", "eight"], ["neun", "nine"], ["zehn", "ten"],
  ],
  pt: [
    ["tres em linha", "three in a row"], ["combinar tres", "match 3"], ["doces", "candies"], ["trocar", "swap"], ["troca", "swap"], ["trocas", "swap"], ["jogadas", "moves"], ["cascatas", "cascades"],
    ["minigolfe", "mini golf"], ["golfe", "golf"], ["buracos", "holes"], ["buraco", "hole"], ["tacadas", "strokes"], ["lagos", "ponds"], ["agua", "water"], ["bola", "ball"],
    ["masmorras", "dungeon"], ["masmorra", "dungeon"], ["chaves", "keys"], ["chave", "key"], ["portas", "doors"], ["porta", "door"], ["esqueletos", "skeletons"], ["abre", "opens"], ["abrir", "open"],
    ["tiro visto de cima", "top-down shooter"], ["visto de cima", "top-down"], ["voce mira com o mouse", "aim with the mouse"], ["mira com o mouse", "aim with the mouse"], ["mirar com o mouse", "aim with the mouse"], ["zumbis", "zombies"],
    ["jogo de escalada", "climbing game"], ["nao caia", "dont fall"], ["escalada", "climbing"], ["escalar", "climb"], ["subir", "climb"], ["cada vez mais alto", "higher and higher"], ["para cima", "upwards"], ["pular", "jump"], ["saltar", "jump"],
    ["jogo de corrida", "racing game"], ["corrida de carros", "car racing"], ["corridas", "racing"], ["corrida", "race"], ["carros", "cars"],
    ["carro", "car"], ["mergulho", "diving"], ["mergulhador", "diver"], ["plataforma", "platformer"], ["plataformas", "platformer"],
    ["jogo de tiro", "shooter"], ["nave espacial", "spaceship"], ["nave", "spaceship"], ["quebra-tijolos", "breakout"], ["quebra tijolos", "breakout"],
    ["tijolos", "bricks"], ["cobrinha", "snake"], ["cobra", "snake"], ["corredor infinito", "endless runner"], ["labirinto", "maze"],
    ["tenis de mesa", "ping pong"], ["passaro", "bird"], ["pegar", "catch"], ["apanhar", "catch"], ["caem", "fall"], ["cai", "falls"],
    ["chuva", "rain"], ["guarda-chuva", "umbrella"], ["guarda chuva", "umbrella"], ["asteroides", "asteroids"], ["toupeiras", "moles"],
    ["toupeira", "mole"], ["memoria", "memory"], ["pares", "pairs"], ["cartas", "cards"], ["invasores espaciais", "space invaders"], ["invasores", "invaders"], ["espaciais", "space"], ["espacial", "space"], ["defesa de torres", "tower defense"],
    ["torres", "towers"], ["pescaria", "fishing"], ["pesca", "fishing"], ["pescar", "fishing"], ["peixes", "fish"], ["peixe", "fish"], ["sapo", "frog"],
    ["atravessar a rua", "cross the road"], ["atravessar a estrada", "cross the road"], ["pouso lunar", "lunar lander"], ["pousar na lua", "land on the moon"],
    ["lua", "moon"], ["contra o computador", "against the computer"], ["contra a maquina", "against the computer"], ["o primeiro a", "first to"],
    ["primeiro a", "first to"], ["cada vez mais rapido", "faster and faster"], ["cada vez mais dificil", "harder and harder"],
    ["sem ficar sem oxigenio", "dont run out of oxygen"], ["oxigenio", "oxygen"], ["combustivel", "fuel"], ["para criancas", "for kids"],
    ["para uma crianca de", "for a"], ["anos", "year old"], ["aguas-vivas", "jellyfish"], ["aguas vivas", "jellyfish"], ["tubaroes", "sharks"],
    ["perolas", "pearls"], ["moedas", "coins"], ["estrelas", "stars"], ["macas", "apples"], ["inimigos", "enemies"], ["alienigenas", "aliens"],
    ["pedras", "rocks"], ["bombas", "bombs"], ["fantasmas", "ghosts"], ["passaros", "birds"], ["morcego", "bat"], ["morcegos", "bats"],
    ["joias", "gems"], ["vidas", "lives"], ["voltas", "laps"], ["niveis", "levels"], ["ondas", "waves"], ["pontos", "points"], ["segundos", "seconds"],
    ["praia", "beach"], ["espaco", "space"], ["oceano", "ocean"], ["mar", "sea"], ["floresta", "forest"], ["selva", "jungle"], ["deserto", "desert"],
    ["neve", "snow"], ["noite", "night"], ["castelo", "castle"], ["cidade", "city"], ["caverna", "cave"], ["por do sol", "sunset"], ["facil", "easy"],
    ["dificil", "hard"], ["coletar", "collect"], ["coleta", "collect"], ["recolher", "collect"], ["desviar de", "dodge"], ["desviar", "dodge"],
    ["desvia", "dodge"], ["evitar", "avoid"], ["atirar", "shoot"], ["um jogo de", "a"], ["um jogo", "a game"], ["jogo", "game"], ["onde", "where"], ["lago", "lake"], ["tipos", "kinds"], ["ganha", "wins"], ["vence", "wins"],
    ["com", "with"], ["sem", "no"], ["e", "and"], ["na", "on the"], ["no", "in the"], ["em", "in"], ["de", "of"], ["do", "of the"], ["da", "of the"],
    ["o", "the"], ["a", "the"], ["os", "the"], ["as", "the"], ["um", "a"], ["uma", "a"], ["que", "that"], ["para", "for"], ["voce", "you"],
    ["vermelho", "red"], ["vermelhas", "red"], ["vermelhos", "red"], ["fundo", "background"], ["azul", "blue"], ["verde", "green"], ["amarelo", "yellow"], ["preto", "black"], ["branco", "white"], ["rosa", "pink"],
    ["roxo", "purple"], ["laranja", "orange"], ["dois", "two"], ["duas", "two"], ["tres", "three"], ["quatro", "four"], ["cinco", "five"],
    ["seis", "six"], ["sete", "seven"], ["oito", "eight"], ["nove", "nine"], ["dez", "ten"],
  ],
  it: [
    ["tre in fila", "three in a row"], ["caramelle", "candies"], ["scambiare", "swap"], ["scambia", "swap"], ["scambi", "swap"], ["gioielli", "jewels"], ["mosse", "moves"], ["cascate", "cascades"],
    ["minigolf", "mini golf"], ["golf", "golf"], ["buche", "holes"], ["buca", "hole"], ["colpi", "strokes"], ["stagni", "ponds"], ["acqua", "water"], ["pallina", "ball"],
    ["sotterranei", "dungeon"], ["sotterraneo", "dungeon"], ["chiavi", "keys"], ["chiave", "key"], ["porte", "doors"], ["porta", "door"], ["stanze", "rooms"], ["scheletri", "skeletons"], ["apre", "opens"], ["aprire", "open"],
    ["sparatutto dallalto", "top-down shooter"], ["dallalto", "top-down"], ["miri con il mouse", "aim with the mouse"], ["mirare con il mouse", "aim with the mouse"], ["mira con il mouse", "aim with the mouse"],
    ["gioco di arrampicata", "climbing game"], ["non cadere", "dont fall"], ["arrampicata", "climbing"], ["scalatore", "climber"], ["arrampicarsi", "climb"], ["scalare", "climb"], ["salire", "climb"], ["sempre piu in alto", "higher and higher"], ["verso lalto", "upwards"], ["saltare", "jump"], ["piattaforma", "platform"],
    ["gioco di corse", "racing game"], ["corse di auto", "car racing"], ["corse", "racing"], ["corsa", "race"], ["gara", "race"], ["macchine", "cars"],
    ["macchina", "car"], ["auto", "cars"], ["immersione", "diving"], ["subacqueo", "diver"], ["sub", "diver"], ["piattaforme", "platformer"],
    ["sparatutto", "shooter"], ["astronave", "spaceship"], ["spaccamattoni", "breakout"], ["mattoncini", "bricks"], ["mattoni", "bricks"],
    ["serpente", "snake"], ["corridore infinito", "endless runner"], ["labirinto", "maze"], ["tennis da tavolo", "ping pong"], ["uccello", "bird"],
    ["prendere", "catch"], ["acchiappare", "catch"], ["cadono", "fall"], ["cade", "falls"], ["pioggia", "rain"], ["ombrello", "umbrella"],
    ["asteroidi", "asteroids"], ["talpe", "moles"], ["talpa", "mole"], ["acchiappa la talpa", "whack a mole"], ["memoria", "memory"],
    ["coppie", "pairs"], ["carte", "cards"], ["invasori spaziali", "space invaders"], ["invasori", "invaders"], ["spaziali", "space"], ["spaziale", "space"], ["difesa delle torri", "tower defense"], ["difesa a torri", "tower defense"],
    ["torri", "towers"], ["pesca", "fishing"], ["pescare", "fishing"], ["pesci", "fish"], ["pesce", "fish"], ["rana", "frog"],
    ["attraversare la strada", "cross the road"], ["allunaggio", "lunar lander"], ["atterrare sulla luna", "land on the moon"], ["luna", "moon"],
    ["contro il computer", "against the computer"], ["contro la cpu", "against the computer"], ["il primo a", "first to"], ["primo a", "first to"],
    ["sempre piu veloce", "faster and faster"], ["sempre piu difficile", "harder and harder"], ["senza restare senza ossigeno", "dont run out of oxygen"],
    ["ossigeno", "oxygen"], ["carburante", "fuel"], ["per bambini", "for kids"], ["per un bambino di", "for a"], ["anni", "year old"],
    ["meduse", "jellyfish"], ["squali", "sharks"], ["perle", "pearls"], ["monete", "coins"], ["stelle", "stars"], ["mele", "apples"],
    ["nemici", "enemies"], ["alieni", "aliens"], ["rocce", "rocks"], ["bombe", "bombs"], ["fantasmi", "ghosts"], ["uccelli", "birds"],
    ["pipistrello", "bat"], ["pipistrelli", "bats"], ["gemme", "gems"], ["vite", "lives"], ["giri", "laps"], ["livelli", "levels"], ["ondate", "waves"],
    ["punti", "points"], ["secondi", "seconds"], ["spiaggia", "beach"], ["spazio", "space"], ["oceano", "ocean"], ["mare", "sea"], ["foresta", "forest"],
    ["giungla", "jungle"], ["deserto", "desert"], ["neve", "snow"], ["notte", "night"], ["castello", "castle"], ["citta", "city"], ["grotta", "cave"],
    ["tramonto", "sunset"], ["facile", "easy"], ["difficile", "hard"], ["raccogliere", "collect"], ["raccogli", "collect"], ["schivare", "dodge"],
    ["schiva", "dodge"], ["evitare", "avoid"], ["evita", "avoid"], ["sparare", "shoot"], ["un gioco di", "a"], ["un gioco", "a game"], ["gioco", "game"],
    ["dove", "where"], ["al", "at the"], ["lago", "lake"], ["tipi", "kinds"], ["vince", "wins"], ["con", "with"], ["senza", "no"], ["e", "and"], ["sulla", "on the"], ["sul", "on the"], ["nella", "in the"], ["nel", "in the"],
    ["in", "in"], ["di", "of"], ["della", "of the"], ["del", "of the"], ["dei", "of the"], ["il", "the"], ["lo", "the"], ["la", "the"], ["gli", "the"],
    ["le", "the"], ["un", "a"], ["una", "a"], ["che", "that"], ["per", "for"], ["rosso", "red"], ["rossa", "red"], ["rosse", "red"], ["rossi", "red"], ["sfondo", "background"], ["blu", "blue"], ["verde", "green"],
    ["giallo", "yellow"], ["nero", "black"], ["bianco", "white"], ["rosa", "pink"], ["viola", "purple"], ["arancione", "orange"], ["uno", "one"],
    ["due", "two"], ["tre", "three"], ["quattro", "four"], ["cinque", "five"], ["sei", "six"], ["sette", "seven"], ["otto", "eight"], ["nove", "nine"],
    ["dieci", "ten"],
  ],
};

/** The language with the most of its own words and phrases in the (plain) text; English on a tie. */
export function detectLanguage(plain: string): Language {
  const tokens = plain.split(" ");
  const padded = ` ${plain} `;
  const score = (lang: Language) => {
    const own = FUNCTION_WORDS[lang].filter((w) => tokens.includes(w)).length * 2;
    if (lang === "en") return own;
    // Each table phrase found counts its words; a longer phrase ("cada vez mas rapido") says more.
    const phrases = TABLES[lang].filter(([from, to]) => from !== to && padded.includes(` ${from} `) && !FUNCTION_WORDS.en.includes(from));
    return own + phrases.reduce((n, [from]) => n + from.split(" ").length, 0);
  };
  let best: Language = "en";
  let bestScore = score("en");
  for (const lang of ["es", "fr", "de", "pt", "it"] as const) {
    const s = score(lang);
    if (s > bestScore) { best = lang; bestScore = s; }
  }
  return best;
}

/** The plain text with the language's phrases put into English, longest phrase first at each place. */
export function toEnglish(plain: string, lang: Language): string {
  if (lang === "en") return plain;
  const table = [...TABLES[lang]].sort((a, b) => b[0].split(" ").length - a[0].split(" ").length);
  const tokens = plain.split(" ");
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const hit = table.find(([from]) => {
      const words = from.split(" ");
      return words.every((w, k) => tokens[i + k] === w);
    });
    if (hit) {
      out.push(hit[1]);
      i += hit[0].split(" ").length;
    } else {
      out.push(tokens[i]);
      i += 1;
    }
  }
  return out.join(" ");
}
