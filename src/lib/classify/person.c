/* Person names by their values (person.h).
 *
 * Where the words come from. Written by hand from published frequency
 * rankings, the most common entries of each, never copied from a
 * fake-data library (those are what tests/accuracy/heldout evaluates
 * with); lexicon_data.c holds the first few hundred names and this file
 * widens them, ASCII-folded ("Núñez" is "nunez"):
 *  - family names: US Census Bureau, "Frequently Occurring Surnames from
 *    the 2010 Census" (top of the list); ONS surname counts (England and
 *    Wales); Duden Familiennamen and the Deutscher Familiennamenatlas
 *    (DE); INSEE état civil, "noms de famille les plus portés" (FR); INE
 *    "Apellidos más frecuentes" (ES); the Italian rankings of ISTAT and
 *    of the SEAT Pagine Bianche directory as Wikipedia's "Cognomi
 *    italiani" lists them (IT); IBGE and the Portuguese IRN rankings
 *    (PT, BR); the Meertens Instituut Nederlandse Familienamenbank (NL);
 *    the Indian surname frequency tables of Forebears and the Wikipedia
 *    "Indian family name" lists; Wikipedia's "Lists of most common
 *    surnames" in Europe, Asia and the Americas for the rest;
 *  - given names: US Social Security Administration, "Top names over the
 *    last 100 years"; ONS "Baby names in England and Wales"; GfdS
 *    "Vornamen des Jahres" and the Knud Bielefeld rankings (DE, with the
 *    names of older generations that those list by decade); INSEE
 *    "Fichier des prénoms" (FR); INE "Nombres más frecuentes" (ES, by
 *    decade of birth); ISTAT "Nomi più frequenti" (IT); IBGE "Nomes no
 *    Brasil" (BR); SVB/CBS "Voornamen" (NL); the Indian baby-name
 *    rankings of the Registrar General's civil registration reports;
 *  - Chinese given-name characters: the most frequent characters of given
 *    names in the Ministry of Public Security's 2020 national name report
 *    and in the 2010 census name statistics; Japanese given-name endings:
 *    the Meiji Yasuda "名前ランキング" (1912 to now) read for their final
 *    characters; Korean given-name syllables: the syllables of the most
 *    frequent given names of the Supreme Court birth-registration
 *    statistics (by decade).
 * Words that are everyday words or colours in a language of the lexicon
 * are left out (rosa, violet, olive, bianco, blanco, verde, grande), and
 * family names that are also the names of provinces or large cities
 * (toledo, burgos, soria, messina, ferrara), so that a column of towns
 * does not read as a column of people.
 */
#include "person.h"
#include "lexicon.h"
#include "lexicon_data.h"
#include "once.h"
#include "shape.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

/* clang-format off: word lists */
static const char *const given[] = {
  /* English (SSA top names of the last 100 years, ONS) */
  "abbie", "abby", "ada", "adrian", "agnes", "aiden", "alana", "albert",
  "alberta", "alec", "alfred", "alicia", "allison", "alma", "alvin", "amanda",
  "amelia", "amos", "andre", "angel", "angelica", "angie", "anita", "annette",
  "annie", "antoinette", "antonio", "ariana", "arnold", "arthur",
  "aubrey", "audrey", "austin", "bailey", "barry", "beatrice",
  "becky", "belinda", "ben", "benny", "bernadette", "bernard", "bernice",
  "bertha", "bessie", "bethany", "betsy", "bettie", "beulah", "bianca", "blake",
  "bonnie", "brad", "brady", "brandi", "brandy", "brenda", "brent", "brett",
  "bridget", "brooke", "bryce", "buddy", "byron", "calvin", "camille",
  "candace", "cara", "carla", "carlos", "carmen", "carole", "caroline",
  "carrie", "casey", "cassandra", "cathy", "cecil", "cecilia", "celia", "chad",
  "charlene", "charlotte", "chase", "chelsea", "cindy", "claude",
  "claudia", "clayton", "clifford", "clifton", "clint", "clyde", "cody", "cole",
  "colleen", "connie", "constance", "cora", "corey", "cory", "courtney",
  "curtis", "cynthia", "daisy", "dale", "damian", "damon", "dana",
  "danny", "darlene", "darrell", "darren", "darryl", "daryl", "dean",
  "debbie", "delia", "della", "delores", "derek", "derrick", "desiree", "devin",
  "devon", "dewey", "dianne", "dixie", "dolores", "dominic", "don",   "dora", "doreen", "dorothy", "doug", "drew", "duane", "dustin", "dwayne",
  "dwight", "earl", "eddie", "edgar", "edith", "edna", "eileen", "elaine",
  "eleanor", "eli", "elias", "elijah", "ella", "ellen", "elmer", "eloise",
  "elsie", "elvira", "emilio", "emma", "enrique", "erica", "erik", "erin",
  "erma", "ernestine", "essie", "estelle", "esther", "ethel", "eula", "eunice",
  "eva", "evan", "everett", "fannie", "faye", "felicia", "felix",
  "fernando", "flora", "floyd", "forrest", "francis", "franklin", "fred",
  "freda", "frederick", "gabriela", "gail", "garrett", "gene", "geneva",
  "genevieve", "gerald", "geraldine", "gertrude", "gilbert", "gina",
  "ginger", "gladys", "glen", "glenda", "glenn", "gordon", "greg", "gretchen",
  "gwen", "gwendolyn", "hailey", "hattie", "hazel", "hector", "heidi",
  "herbert", "herman", "hilda", "homer", "horace", "hubert", "hugh",
  "ida", "inez", "ira", "irene", "iris", "irma", "irving", "isaac", "isabel",
  "ivan", "jackie", "jacob", "jaime", "jake", "jana", "janelle",
  "janie", "jared", "jasmine", "javier", "jay", "jeanette", "jeanne", "jeff",
  "jeffery", "jenna", "jerome", "jill", "jimmy", "jo", "joann", "jodi", "joel",
  "johanna", "johnnie", "jolene", "jonathon", "josefina", "josephine",
  "juanita", "judy", "julian", "julio", "kara", "kari", "karl", "kate",
  "kathy", "katrina", "kay", "kayla", "keith", "kelli", "kelvin", "ken",
  "kendra", "kent", "kerry", "kim", "kirk", "kristen", "kristin", "kristina",
  "kristy", "krystal", "lance", "latoya", "laurie", "laverne", "leah", "lena",
  "leon", "leona", "leroy", "leslie", "lester", "leticia", "lewis", "lila",
  "lillian", "lillie", "lloyd", "lois", "lonnie", "lora", "loretta", "lorraine",
  "lottie", "lucas", "lucille", "luis", "luther", "lydia", "lyle", "lynda",
  "lynn", "mabel", "mable", "mae", "maggie", "malcolm", "mamie", "mandy",
  "manuel", "marc", "marcia", "margie", "maria", "marian", "marianne", "marie",
  "marjorie", "marlene", "marsha", "marshall", "marvin", "mattie",
  "maureen", "maurice", "maxine", "melanie", "melinda", "melvin", "mercedes",
  "meredith", "micheal", "miguel", "mildred", "miles", "milton", "minnie",
  "miranda", "miriam", "misty", "molly", "mona", "monica", "monique", "morris",
  "myra", "myrtle", "nadine", "naomi", "nathan", "neil", "nellie", "nelson",
  "nettie", "nina", "nora", "norma", "norman", "olga", "ollie", "opal", "ora",
  "owen", "pat", "patsy", "pauline", "pearl", "pedro",
  "peggy", "penny", "percy", "phyllis", "preston", "priscilla", "rachael",
  "rafael", "ramon", "randall", "randolph", "raul", "reginald",
  "rena", "rene", "renee", "rex", "rhonda", "ricardo", "ricky", "rita",
  "roberta", "roberto", "robin", "robyn", "rochelle", "rodney", "roland", "ron",
  "ronnie", "rosalie", "rosemary", "rosie", "ross", "roxanne", "ruben",
  "rudolph", "rufus", "sabrina", "sadie", "sally", "sam",
  "sammy", "sergio", "seth", "shane", "shannon", "shawn", "shawna",
  "sheila", "shelby", "shelly", "sherri", "sherry", "sidney", "silvia", "sonia",
  "sonya", "sophie", "spencer", "stacy", "stella", "sylvia", "tamara", "tami",
  "tammy", "tanya", "tara", "ted", "terrance", "terrence", "thelma", "theodore",
  "tiffany", "tina", "toby", "todd", "tommy", "toni", "tonya", "travis",
  "trevor", "troy", "tyrone", "valerie", "velma", "vera", "verna", "vernon",
  "veronica", "vicki", "vickie", "vicky", "viola", "virgil", "vivian",
  "wade", "wallace", "warren", "wesley", "whitney", "wilbur", "wilma", "wilson",
  "winifred", "yolanda", "zachary",
  /* German (older generations and the last decades) */
  "achim", "adolf", "agathe", "alexandra", "alfons", "anke", "annegret",
  "annelie", "annelies", "annemarie", "anni", "antje", "armin", "arno",
  "august", "axel", "baerbel", "barbel", "bastian", "benedikt", "berndt",
  "bernhard", "berta", "bettina", "bianka", "bodo", "burkhard", "carina",
  "carsten", "christel", "christiane", "christoph", "cornelia", "dagmar",
  "detlef", "detlev", "dietmar", "dietrich", "dorothea", "eberhard", "eckhard",
  "edelgard", "edeltraud", "egon", "ehrenfried", "elfriede", "elli", "elmar",
  "else", "emil", "emmi", "erhard", "erich", "erna", "ernst", "erwin", "eugen",
  "ewald", "fabian", "falk", "ferdinand", "franz", "franziska", "frida",
  "frieda", "friedhelm", "friedrich", "fritz", "gabi", "gaby", "gerda", "gerd",
  "gerold", "gertraud", "gottfried", "gregor", "gundula", "gunter", "gunther",
  "guido", "gustav", "hanna", "hannelore", "hansjorg", "harald", "hartmut",
  "hedwig", "heidemarie", "heiko", "heinrich", "helene", "helmut", "henning",
  "herta", "hertha", "hilde", "hildegard", "horst", "ilona", "ilse", "ingeborg",
  "ingo", "irmgard", "irmtraud", "isolde", "jakob", "janina", "joachim",
  "jochen", "johann", "johannes", "josef", "juliane", "jurgen", "jutta",
  "karsten", "katharina", "kathrin", "klara", "konrad", "konstantin",
  "kornelia", "kurt", "lieselotte", "liesel", "lothar", "ludwig", "lutz",
  "magdalena", "maik", "manfred", "margarete", "margot", "margrit", "marlies",
  "marta", "mathias", "mathilde", "meike", "michaela", "mirko", "moritz",
  "nicole", "norbert", "olaf", "ortrud", "oskar", "ottilie", "ottmar", "paula",
  "philipp", "rainer", "reiner", "reinhard", "reinhold", "renate", "richard",
  "robert", "rosemarie", "rudi", "rudolf", "ruth", "siegfried", "siegmund",
  "sieglinde", "sigrid", "sigrun", "silke", "stefanie", "steffen", "steffi",
  "susanne", "tanja", "thea", "theresia", "thilo", "thorsten", "til", "till",
  "timo", "traudl", "udo", "ulf", "ulla", "ulrich", "ulrike", "urs", "ute",
  "uta", "valentin", "vincent", "waldemar", "walburga", "walter", "waltraud",
  "wendelin", "wilfried", "wilhelmine", "willi", "willy", "winfried", "wolfram",
  "yvonne",
  /* French */
  "adele", "adrien", "alexandre", "alexis", "alice", "aline", "alphonse",
  "amandine", "ambre", "amelie", "anais", "anatole", "andree", "angelique",
  "annick", "anthony", "arnaud", "aurelien", "baptiste", "bastien",
  "benedicte", "bertrand", "blanche", "brigitte", "bruno", "capucine",
  "catherine", "cecile", "charles", "christelle", "christian", "claire",
  "clemence", "clement", "colette", "corinne", "damien", "danielle", "denis",
  "denise", "didier", "dominique", "edouard", "eliane", "elisabeth", "elise",
  "emile", "emmanuel", "emmanuelle", "etienne", "eugenie", "evelyne", "fabien",
  "fabienne", "fabrice", "florence", "florian", "franck", "frederique",
  "gabriel", "gabrielle", "gaelle", "gaston", "georges", "georgette", "gerard",
  "germaine", "ghislaine", "gilles", "gisele", "gregoire", "gregory",
  "guillaume", "guy", "henri", "henriette", "herve", "honore", "hortense",
  "jacqueline", "jean", "jeannine", "jeremy", "joelle", "jocelyne", "josette",
  "josiane", "jules", "julie", "justine", "laetitia", "laure", "laurence",
  "leonie", "liliane", "lionel", "louis", "louise", "luc", "lucien", "lucienne",
  "madeleine", "marcel", "marcelle", "marguerite", "marine", "marius", "marthe",
  "maryse", "michele", "micheline", "mireille", "muriel", "nadege", "nicolas",
  "noel", "noemie", "oceane", "odette", "odile", "pascal", "pascale", "patrice",
  "patrick", "paulette", "philippe", "raymond", "raymonde", "regine", "remi",
  "remy", "roger", "rolande", "sabine", "simone", "solange", "suzanne",
  "sylvain", "therese", "thibault", "thibaut", "timothee", "tristan",
  "virginie", "xavier", "yann", "yannick", "yvette", "zoe",
  /* Spanish */
  "adela", "adolfo", "agustin", "aitana", "alba", "alejandra", "alfonso",
  "amalia", "ana", "andrea", "angela", "angeles", "anselmo", "araceli",
  "ariadna", "aurelio", "aurora", "bartolome", "benito", "blas", "candelaria",
  "casimiro", "catalina", "celestino", "cesar", "cipriano", "clara", "claudio",
  "clemente", "concepcion", "consuelo", "cristian", "cristobal", "custodia",
  "dario", "domingo", "eduardo", "elena", "eladio", "eloy", "emilia",
  "encarnacion", "esperanza", "esteban", "estefania", "eugenio", "eusebio",
  "evaristo", "faustino", "federico", "felipe", "fermin", "fidel", "florencio",
  "gerardo", "german", "gloria", "gregorio", "guadalupe", "guillermo",
  "gustavo", "herminia", "hilario", "hugo", "ines", "ismael", "jacinto",
  "jeronimo", "jesus", "joaquina", "jonatan", "jordi", "josefa", "josep",
  "juana", "juliana", "leandro", "leonardo", "leonor", "lorena", "lorenzo",
  "luciano", "lucia", "luisa", "macarena", "manuela", "marcelino", "marcos",
  "margarita", "mariano", "marina", "mario", "maximino", "milagros", "modesto",
  "moises", "montserrat", "natalia", "noelia", "nuria", "octavio", "oriol",
  "pascual", "patricia", "paloma", "pilar", "purificacion", "ramiro",
  "remedios", "rodrigo", "rogelio", "rosario", "samuel", "sandra", "sara",
  "saturnino", "sebastian", "soledad", "susana", "teodoro", "teresa",
  "trinidad", "ulises", "victor", "victoria", "virginia",
  /* Italian */
  "achille", "adriano", "agata", "agostino", "alberto", "alessandra", "alfredo",
  "amedeo", "anna", "annalisa", "antonella", "arianna", "armando", "arturo",
  "assunta", "attilio", "benedetta", "camilla", "carmelo", "carolina", "cesare",
  "cristina", "daniele", "debora", "diego", "dino", "donato", "edoardo",
  "elisa", "elisabetta", "enzo", "ernesto", "ettore", "fabrizio", "fausto",
  "filippo", "fiorella", "flavia", "flavio", "franca", "gabriele", "gaetano",
  "gennaro", "giacomo", "gianluca", "gianni", "gino", "giorgia", "giuliana",
  "graziella", "ilaria", "italo", "ivana", "laura", "letizia", "lia", "liliana",
  "livia", "loredana", "luca", "luciana", "ludovica", "marcello", "margherita",
  "martina", "massimiliano", "matilde", "mattia", "maurizio", "melissa",
  "nadia", "nicola", "nicolo", "noemi", "ornella", "orazio", "ottavio", "piero",
  "pietro", "raffaele", "renato", "renzo", "rocco", "rosalia", "rosanna",
  "rosaria", "samuele", "sandro", "serena", "silvana", "silvio", "tiziana",
  "tiziano", "tullio", "umberto", "ugo", "valerio", "vanessa", "vittoria",
  "vittorio",
  /* Portuguese (Brazil, Portugal) */
  "abel", "adalberto", "ademir", "afonso", "agostinho", "antonia", "augusto",
  "barbara", "beatriz", "benedito", "benicio", "benjamim", "breno", "catarina",
  "caua", "cristiano", "daniela", "diogo", "douglas", "edson", "emanuel",
  "emanuelly", "erick", "evandro", "fabiana", "fabio", "fatima", "francisco",
  "geraldo", "giovanna", "gilberto", "henrique", "igor", "isadora", "jaqueline",
  "joana", "joaquim", "jorge", "juliano", "kaique", "lara", "luiza", "maite",
  "marcio", "maya", "murilo", "noah", "otavio", "pietra", "rafaela", "raquel",
  "rebeca", "renan", "renata", "rogerio", "rosana", "rosangela", "sofia",
  "sophia", "tatiana", "valentina", "valeria", "vicente", "vinicius", "wagner",
  "washington", "wellington", "yasmin",
  /* Dutch */
  "aad", "adriaan", "anton", "arie", "arjen", "bert", "bob", "boris", "bram",
  "casper", "cees", "dirk", "evert", "fenna", "floor", "frans", "freek",
  "frits", "geert", "gert", "gijs", "guus", "hanneke", "hans", "harm", "hein",
  "henk", "ingrid", "jaap", "janneke", "jasper", "jelle", "jesse", "jet",
  "jikke", "joep", "johan", "jolanda", "joris", "jos", "julia", "kees", "klaas",
  "lieke", "lisa", "lotte", "maaike", "mark", "marleen", "martijn", "mees",
  "mirjam", "noa", "olivier", "pim", "puck", "renske", "rik", "rob", "roos",
  "rutger", "saar", "sanne", "siem", "sjoerd", "stan", "suze", "teun", "thomas",
  "tijn", "tim", "tom", "wim", "yara",
  /* Indian */
  "aarti", "abhay", "aditi", "akshay", "alok", "aman", "amar", "amrita",
  "anand", "ankita", "anup", "anupam", "archana", "arvind", "ashish", "ashwin",
  "bhavna", "chetan", "chitra", "deepa", "deepika", "dev",   "gita", "harish", "hema", "hemant", "indira", "isha", "jaya", "jyoti",
  "kamal", "kamala", "karthik", "kishore", "krishna", "kunal", "lalit", "madhu",
  "mahendra", "manish", "meera", "mohan", "mohit", "monika", "mukund",
  "nandini", "naresh", "neelam", "nitin", "padma", "pankaj", "parth", "pradeep",
  "pramod", "pranav", "prem", "priyanka", "radha", "raghav", "rajendra",
  "rajiv", "rakesh", "ram", "rani", "ranjit", "rashmi", "rohan", "ruchi",
  "sachin", "sagar", "sameer", "sandeep", "sanjana", "santosh", "sapna",
  "sarita", "satish", "seema", "shalini", "shankar", "shanti", "shikha", "shiv",
  "shyam", "siddharth", "smita", "sonal", "suman", "sunita", "suraj", "sushma",
  "tanvi", "tarun", "uma", "usha", "varun", "vikas", "vinay", "vinod", "vishal",
  "vivek", "yogesh",
};

static const char *const surname[] = {
  /* English (US Census 2010, ONS) */
  "abbott", "acosta", "adkins", "aguirre", "allison", "atkins", "austin",
  "avila", "ayala", "ball", "banks", "barker", "barnett", "barrett", "barton",
  "bates", "beck", "becker", "benson", "berg", "bishop", "blair", "blake",
  "bowen", "bowman", "boyle", "briggs", "brock", "bryan", "buchanan", "burgess",
  "burke", "burton", "bush", "byrd", "caldwell", "calhoun", "cameron", "cannon",
  "carlson", "carr", "carson", "casey", "chambers", "chandler", "chapman",
  "christensen", "clarke", "clayton", "cobb", "cohen", "collier", "conner",
  "conway", "craig", "crosby", "cummings", "curtis", "dalton", "daniel",
  "davidson", "dawson", "day", "dean", "decker", "dennis", "doyle", "drake",
  "duffy", "dunn", "dyer", "erickson", "estrada", "farmer", "fields", "fischer",
  "fitzgerald", "fleming", "fletcher", "flynn", "fowler", "francis", "frank",
  "franklin", "frazier", "fuller", "garner", "garrett", "gates", "george",
  "gilbert", "glover", "goodman", "goodwin", "graves", "greene", "greer",
  "griffith", "gross", "hale", "haley", "hammond", "hancock", "hanson",
  "hardin", "harmon", "harper", "harrington", "hartman", "harvey", "hawkins",
  "hayden", "haynes", "higgins", "hines", "hodges", "hogan", "holland",
  "holloway", "holt", "hopkins", "horton", "howell",
  "hubbard", "huff", "hurst", "ingram", "jacobs", "jensen", "jennings", "johns",
  "joseph", "keller", "kelly", "kemp", "kerr", "klein", "knox", "lamb",
  "lambert", "lang", "larson", "lawson", "leonard", "lester", "lindsey",
  "little", "logan", "love", "lowe", "lucas", "lynch", "lyons", "mack",
  "maldonado", "malone", "mann", "manning", "marsh", "martinez", "maxwell",
  "mccarthy", "mccormick", "mcdaniel", "mcgee", "mckenzie", "mckinney",
  "mclaughlin", "mcbride", "mccoy", "mcguire", "meyers", "miles", "miranda",
  "montgomery", "moody", "moran", "morrison", "morse", "morton", "moss",
  "mullins", "newman", "newton", "norman", "norris", "norton", "obrien",
  "oconnor", "oneal", "oneill", "osborne", "owen", "pace", "page", "parks",
  "parsons", "patton", "paul", "pearson", "pennington", "pittman", "poole",
  "pope", "potter", "powers", "pratt", "quinn", "ramsey", "randall", "ray",
  "reese", "reeves", "rhodes", "richmond", "rios", "roach", "robbins",
  "rodgers", "rowe", "rowland", "russo", "sampson", "saunders",
  "schneider", "schultz", "schwartz", "sharp", "shelton", "shepherd",
  "sherman", "short", "silva", "sims", "singleton", "sloan", "small",
  "solis", "sparks", "stanley", "steele", "stein", "stokes",
  "strickland", "strong", "summers", "sutton", "swanson", "tate", "terry",
  "thornton", "todd", "townsend", "tyler", "underwood", "vaughn",
  "wade", "walsh", "walters", "waters", "watkins", "watts", "weber", "welch",
  "wheeler", "whitaker", "whitehead", "wiggins", "wilcox", "wilkins",
  "wilkinson", "williamson", "wolf", "wolfe", "woodward", "wyatt", "yates",
  "york", "zimmerman",
  /* German */
  "ackermann", "adler", "albers", "altmann", "arndt", "bach", "bader", "barth",
  "bartels", "bauer", "baumgartner", "beckmann", "behrens", "beier", "benz",
  "berger", "bernhardt", "beyer", "bischoff", "blum", "bock", "bohm", "bohme",
  "brandl", "brandt", "brenner", "breuer", "brinkmann", "bruckner", "brunner",
  "buchholz", "busch", "dietz", "dittrich", "dorn", "ebert", "eckert", "ehlers",
  "eichhorn", "engel", "ernst", "fiedler", "fink", "forster", "frey", "fritz",
  "funk", "gebhardt", "geiger", "gerlach", "glaser", "gotz", "grimm", "grosse",
  "gunther", "haase", "hagen", "hahn", "hartung", "hauser", "heck", "hein",
  "heinz", "heller", "helmer", "henkel", "hermann", "herzog", "hess", "hesse",
  "hildebrandt", "hinz", "hoffmann", "hofmann", "holz", "hoppe", "horn",
  "hubner", "jakob", "jansen", "janssen", "jung", "kaiser", "kaufmann",
  "kessler", "kirchner", "klose", "koch", "kohler", "kolb", "konig", "koster",
  "kramer", "kraus", "krause", "krebs", "kruger", "kuhn", "kunz", "kurz",
  "lange", "lehmann", "lenz", "lindner", "lorenz", "ludwig", "lutz", "maier",
  "marx", "mayer", "meier", "meissner", "menzel", "merkel", "metzger", "meyer",
  "moller", "moser", "muller", "nagel", "naumann", "neubauer", "neumann",
  "noack", "ott", "otto", "pape", "peters", "pfeifer", "pfeiffer", "pietsch",
  "pohl", "popp", "preuss", "rausch", "reich", "reichert", "reuter", "richter",
  "riedel", "rieger", "ritter", "roth", "rudolph", "sauer", "schafer",
  "scheffler", "schenk", "scherer", "schiller", "schilling", "schlegel",
  "schmid", "schmidt", "schmitt", "schmitz", "scholz", "schreiber", "schroder",
  "schroeder", "schubert", "schulte", "schulz", "schulze", "schumacher",
  "schumann", "schuster", "schutz", "schwab", "schwarz", "seidel", "seifert",
  "sommer", "stahl", "steiner", "stephan", "stumpf", "thiel", "thomas",
  "ulrich", "vogel", "vogt", "voigt", "wagner", "walther", "wegner", "weis",
  "weiss", "wendt", "wenzel", "werner", "wiese", "wild", "wilhelm", "winkler",
  "winter", "wirth", "witt", "wolff", "wolter", "zeller", "ziegler", "zimmer",
  "zimmermann",
  /* French */
  "aubry", "bailly", "barbe", "barthelemy", "baudry", "benard", "bernier",
  "berthelot", "bigot", "blanchet", "bodin", "boucher", "bouchet",
  "boulanger", "bouvier", "briand", "brunel", "buisson", "chauvin",
  "chevallier", "clerc", "collin", "cordier", "courtois", "delaunay", "delmas",
  "devaux", "didier", "dumont", "etienne", "ferrand", "fleury", "fontaine",
  "fouquet", "gaudin", "gay", "germain", "gillet", "girault", "godard", "gomez",
  "grondin", "guichard", "guillon", "guillou", "hamon", "herve", "hoarau",
  "humbert", "jacob", "jacques", "jourdan", "lacroix", "laporte",
  "laroche", "launay", "leblanc", "lebon", "lebreton", "leconte",   "leger", "legros", "lejeune", "lelievre", "lemaitre", "lemonnier", "leveque",
  "levy", "lombard", "mallet", "marechal", "martel", "maury", "millet",
  "moreau", "moulin", "navarro", "neveu", "ollivier", "payet", "petit",
  "pichon", "poulain", "raynaud", "regnier", "rey", "riviere",   "rodriguez", "rousset", "roy", "sanchez", "tessier", "vaillant",
  "valentin", "verdier", "vidal",
  /* Spanish */
  "abad", "aguilar", "alarcon", "alonso", "aparicio", "arenas",
  "arias", "bermudez", "bueno", "calderon", "casas",
  "castellanos", "castillo", "castro", "cervera", "cordero",
  "correa", "cortes", "cruz", "cuesta", "delgado", "dominguez", "escobar",
  "espinosa", "esteve", "exposito", "ferrandez", "figueroa", "flores",
  "fuentes", "gallego", "garrido", "gimenez", "guerrero", "gutierrez",
  "heredia", "herrera", "hidalgo", "ibanez", "iglesias", "jimenez", "lara",
  "linares", "llorente", "lorente", "lozano", "macias", "manzano", "marin",
  "marquez", "mas", "mateo", "medina", "mendez", "molina", "montero", "morales",
  "moreno", "munoz", "nieto", "nunez", "ortiz", "pacheco", "palacios",
  "pastor", "pena", "perez", "pons", "prieto", "quintana", "ramirez", "ramos",
  "reyes", "rivera", "robles", "roldan", "romero", "ruiz", "saez", "salazar",
  "santos", "sanz", "serrano", "sosa", "suarez", "tomas", "torres",
  "valero", "vargas", "vazquez", "velasco", "villa", "villanueva",   /* Italian */
  "albanese", "alberti", "angeli", "barbero", "bassi", "bellini", "benedetti",
  "bernardini", "bertolini", "bianchini", "bonetti", "borghi", "bruni",
  "brunetti", "cantoni", "capone", "cappelli", "caputo", "cardinale", "carli",
  "carusi", "castelli", "cavalli", "cirillo", "colonna", "conte", "coppola",
  "corsi", "costanzo", "cristiani", "cucinotta",
  "donati", "esposito", "fabbri", "falco", "fanelli", "fazio",
  "ferrante", "ferro", "fiorentino", "fontana", "franchi", "gallo", "gatti",
  "gentile", "giordano", "giuliani", "grassi", "greco", "guerra", "iannone",
  "lombardo", "longo", "lorusso", "luongo", "mancini", "mancuso", "marchi",
  "marchese", "mariani", "marino", "marra", "martinelli", "mazza", "melis",
  "merlo", "mele", "migliore", "montanari", "morelli", "moretti", "morra",
  "napolitano", "negri", "nobile", "orlandi", "pagano", "palmieri", "parisi",
  "pellegrini", "piazza", "pinna", "porcu", "puglisi", "rinaldi", "riva",
  "romeo", "rota", "ruggeri", "sala", "salvi", "sanna", "santini", "santoro",
  "sartori", "serra", "silvestri", "sorrentino", "spina", "tedesco", "testa",
  "tosi", "valente", "vitale", "zanetti", "zanella", "zito",
  /* Portuguese (Brazil, Portugal) */
  "abreu", "aguiar", "amaral", "antunes", "assis", "azevedo", "bastos",
  "bezerra", "brandao", "cabral", "campos", "conceicao", "cordeiro", "costa",
  "coutinho", "damasceno", "esteves", "falcao", "faria", "fernandes",
  "figueiredo", "franco", "gaspar", "guimaraes", "leal", "leite",
  "macedo", "magalhaes", "maia", "matos", "medeiros", "mendonca", "montenegro",
  "mota", "neves", "paiva", "queiroz", "reis", "ribeiro",
  "sales", "santana", "sarmento", "silveira", "simoes", "tavares",   "vaz", "viana", "xavier",
  /* Dutch (Meertens) */
  "aarts", "bakker", "beekman", "bosch", "bosman", "brouwer", "claassen",
  "dekker", "dijkman", "driessen", "evers", "franken", "gerritsen", "goossens",
  "groen", "haan", "hendriksen", "hermans", "hoekstra", "hofman", "hoogland",
  "jonker", "kempen", "klaassen", "kok", "koning", "kooij", "kuijpers",
  "lambregts", "laan", "linden", "maas", "martens", "meijer", "meulen", "mol",
  "mulder", "nijhuis", "peeters", "pieters", "post", "prins", "roos", "sanders",
  "schipper", "scholten", "smeets", "smit", "snijders", "stam", "teunissen",
  "timmermans", "veen", "verbeek", "verhoeven", "vermeulen", "verschuren",
  "visser", "vos", "vries", "wijk", "willems", "wouters", "zwart",
  /* Indian */
  "acharya", "agrawal", "ahluwalia", "bakshi", "banik", "basu",   "bhatt", "bhattacharjee", "biswas", "chadha", "chakrabarti", "chandra",
  "chawla", "cherian", "chowdhury", "dhar", "dixit", "dubey", "gokhale",
  "goswami", "goyal", "iyengar", "jha", "joshi", "kamath", "kapur", "kashyap",
  "khurana", "kulkarni", "lal", "mahajan", "majumdar", "mathur",
  "mehra", "modi", "nagar", "naik", "narang", "nath", "pai", "pandit", "parekh",
  "parikh", "pathak", "prabhu", "puri", "rajan", "rana", "rastogi", "rathore",
  "sahni", "saini", "sarin", "sastry", "seth", "shukla", "sodhi",
  "solanki", "soni", "suri", "thakkar", "trivedi", "upadhyay", "vaidya", "vyas",
  "wadhwa",
};
/* clang-format on */

/* Chinese given-name characters (MPS 2020 report, 2010 census) */
static const char zh_given[] =
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文宇浩"
    "婷雪欣佳慧梅琳晨倩颖晶丹凤玲燕飞斌鑫波宁峰龙林海云荣新生春金成亮俊彬健嘉"
    "瑞子涵梓轩睿博航然怡诗雨思萱可馨悦晓楠婉琪琦蕾薇莉莹茜菲妍岚琴霖泽宸逸铭"
    "帆天一昊皓凯东旭阳毅力永福民安胜祥利贵发庆正清光兴忠良义先友才美月芬芝翠"
    "彩素香琼淑惠珠爱莲辰诺依语桐奕墨沐若熙彤妮瑶璐露蓉蓓秋冬松柏山川江洪鸿鹤"
    "雁卫兵武振宏伦仁信智勤贤德孝豪雄威坚达通顺和乐欢喜兆吉晴霜虹星曦耀灿烨炎"
    "焱淼森竹菊荷芙芸茹蕊翔哲远腾麟鸣家立业功寿康娴媛姝姗雅聪";
/* Japanese given-name final characters (Meiji Yasuda rankings) */
static const char ja_given_end[] =
    "子美恵江代香奈菜花里理乃絵穂実希紀佳華葉衣依音羽帆咲沙彩織愛結心夏雪真由"
    "郎朗夫男雄彦介助輔太平吉吾一司治次樹輝斗翔人仁也哉弥史志士久之弘宏浩博明"
    "昭晃亮隆孝貴和正信敏俊健剛修誠勇勝茂秀豊徹進清学悟稔望蓮陽悠湊颯律蒼那綾"
    "瞳舞遥翼光純智哲彰章聡蔵造三二";
/* Korean given-name syllables (Supreme Court birth registrations) */
static const char ko_given[] =
    "민준서도윤예시우하주원지호후건현훈진선재연유정승혁은환찬성영수태규동결한"
    "소율린아다빈인가나채안희혜경숙미순자철석솔라람보설별슬새봄빛";

/* ---- folding --------------------------------------------------------- */

/* U+00C0..U+00FF and U+0100..U+017F to their base letters (lower case);
 * 0: not a letter */
static const char latin1[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
                             "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
static const char latin_ext_a[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllllllln"
    "nnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/* w folded to lower-case ASCII letters into out (apostrophes and a final
 * dot dropped); the length, or 0 when a character is not a Latin letter */
static size_t fold_word(const char *w, size_t n, char *out, size_t cap) {
  size_t i, o = 0;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)w[i];
    char f = 0;
    if (o + 2 > cap)
      return 0;
    if (c >= 'a' && c <= 'z')
      f = (char)c;
    else if (c >= 'A' && c <= 'Z')
      f = (char)(c + 32);
    else if (c == '\'' || (c == '.' && i == n - 1))
      continue;
    else if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < n) {
      unsigned char d = (unsigned char)w[++i];
      unsigned cp;
      if (d < 0x80 || d > 0xBF)
        return 0;
      cp = ((unsigned)(c & 0x1F) << 6) | (d & 0x3F);
      if (cp == 0xDF) { /* ß */
        out[o++] = 's';
        f = 's';
      } else if (cp >= 0xC0 && cp <= 0xFF)
        f = latin1[cp - 0xC0];
      else if (cp >= 0x100 && cp <= 0x17F)
        f = latin_ext_a[cp - 0x100];
    } else if (c == 0xE2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80 &&
               (unsigned char)w[i + 2] == 0x99) {
      i += 2; /* ’ */
      continue;
    }
    if (!f)
      return 0;
    out[o++] = f;
  }
  return o;
}

/* ---- the word table: an open-addressed hash built once ---------------- */

/* Every name a folded word (fold_word: lower-case ASCII letters) can be
 * found as, in one table: this file's lists and the lexicon's given and
 * family names that are ASCII letters only, with the PERSON_* bits of
 * both. A key is its 1 to 15 bytes padded with zeros to 16 (two 64-bit
 * halves): a lookup hashes and compares the halves, with no byte loop,
 * and the lexicon's own table is asked only for a word the folding
 * changed beyond its case ("Núñez", "O'Neil"). */
#define NAME_KEYS 8192  /* capacity of the table: the lists hold about 4,400 */
#define NAME_SLOTS 16384 /* a power of two, at least twice NAME_KEYS */
_Static_assert(NAME_SLOTS >= 2 * NAME_KEYS, "the name table is at most half full");
_Static_assert(NAME_KEYS < 65536, "an index + 1 fills the low 16 bits of a slot");
struct name_key { uint64_t lo, hi; unsigned char len, bits, cls; };
static struct name_key keys[NAME_KEYS];
static size_t nkeys;
/* each slot: the index + 1 in keys in its low 16 bits, 16 bits of the
 * key's hash above them (most misses never read the key) */
static uint32_t slots[NAME_SLOTS];
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int built;

static uint32_t hash_of(uint64_t lo, uint64_t hi, size_t n) {
  uint64_t h = (lo * 0x9E3779B97F4A7C15ull) ^ (hi * 0xC2B2AE3D27D4EB4Full) ^ n;
  return (uint32_t)(h ^ h >> 29);
}

/* the index + 1 in keys of the padded key, 0 when it is none */
static size_t find(uint64_t lo, uint64_t hi, size_t n) {
  uint32_t h = hash_of(lo, hi, n), tag = h & 0xFFFF0000u, s;
  for (s = h & (NAME_SLOTS - 1); slots[s]; s = (s + 1) & (NAME_SLOTS - 1)) {
    const struct name_key *k;
    if ((slots[s] & 0xFFFF0000u) != tag)
      continue;
    k = &keys[(slots[s] & 0xFFFFu) - 1];
    if (k->len == n && k->lo == lo && k->hi == hi)
      return slots[s] & 0xFFFFu;
  }
  return 0;
}

/* w (n bytes, lower-case ASCII letters) as two zero-padded halves; 0
 * when it is empty or over 15 bytes (no key is) */
static int halves(const char *w, size_t n, uint64_t *lo, uint64_t *hi) {
  char k[16] = {0};
  if (n == 0 || n > 15)
    return 0;
  memcpy(k, w, n);
  memcpy(lo, k, 8);
  memcpy(hi, k + 8, 8);
  return 1;
}

/* a word with its bits, or the bits added to those of the same word
 * added before; a word over 15 bytes or past the capacity would be left
 * out (none is: the lists' words have 13 bytes or fewer, and
 * tests/unit/test_person.c finds every name of the lexicon's lists);
 * its index + 1 in keys, 0 when left out */
static size_t add(const char *w, size_t n, unsigned bits) {
  uint64_t lo, hi;
  uint32_t h, s;
  size_t k;
  if (!halves(w, n, &lo, &hi))
    return 0;
  if ((k = find(lo, hi, n)) != 0) {
    keys[k - 1].bits |= (unsigned char)bits;
    return k;
  }
  if (nkeys == NAME_KEYS)
    return 0;
  keys[nkeys].lo = lo;
  keys[nkeys].hi = hi;
  keys[nkeys].len = (unsigned char)n;
  keys[nkeys].bits = (unsigned char)bits;
  h = hash_of(lo, hi, n);
  for (s = h & (NAME_SLOTS - 1); slots[s]; s = (s + 1) & (NAME_SLOTS - 1))
    ;
  slots[s] = (h & 0xFFFF0000u) | (uint32_t)(++nkeys);
  return nkeys;
}

/* a word of value_person.c's lists with its class: the first class
 * given to a word stays, as in value_person.c's own table; a word of
 * other bytes than a-z is never asked of person_word_ascii, and is left
 * out */
static void add_class(const char *w, size_t n, unsigned cls) {
  size_t i, k;
  for (i = 0; i < n; i++)
    if (w[i] < 'a' || w[i] > 'z')
      return;
  if ((k = add(w, n, 0)) != 0 && !keys[k - 1].cls)
    keys[k - 1].cls = (unsigned char)cls;
}

/* a word of lower-case ASCII letters only (what fold_word gives) */
static int ascii_lower(const char *w) {
  for (; *w; w++)
    if (*w < 'a' || *w > 'z')
      return 0;
  return 1;
}

/* the code point of a 3-byte UTF-8 character */
static unsigned cp3(const char *c) {
  return ((unsigned)((unsigned char)c[0] & 0x0F) << 12) |
         ((unsigned)((unsigned char)c[1] & 0x3F) << 6) | ((unsigned char)c[2] & 0x3F);
}

/* the sets above as bitmaps over U+4E00..U+9FFF and U+AC00..U+D7A3,
 * built once with the word table */
#define HAN_LO 0x4E00u
#define HAN_N (0xA000u - HAN_LO)
#define HANGUL_LO 0xAC00u
#define HANGUL_N (0xD7A4u - HANGUL_LO)
static unsigned char zh_given_bits[HAN_N / 8], ja_end_bits[HAN_N / 8];
static unsigned char ko_given_bits[(HANGUL_N + 7) / 8];

static void set_bits(unsigned char *map, unsigned lo, unsigned count, const char *set,
                     size_t len) {
  size_t i;
  for (i = 0; i + 3 <= len; i += 3) {
    unsigned c = cp3(set + i);
    if (c >= lo && c - lo < count)
      map[(c - lo) / 8] |= (unsigned char)(1u << ((c - lo) % 8));
  }
}

static int has_bit(const unsigned char *map, unsigned lo, unsigned count, const char *c) {
  unsigned x = cp3(c);
  return x >= lo && x - lo < count && (map[(x - lo) / 8] >> ((x - lo) % 8) & 1);
}
#define ZH_GIVEN(c) has_bit(zh_given_bits, HAN_LO, HAN_N, c)
#define JA_END(c) has_bit(ja_end_bits, HAN_LO, HAN_N, c)
#define KO_GIVEN(c) has_bit(ko_given_bits, HANGUL_LO, HANGUL_N, c)

static void build(void) {
  size_t i, t;
  for (i = 0; i < sizeof given / sizeof given[0]; i++)
    add(given[i], strlen(given[i]), PERSON_GIVEN);
  for (i = 0; i < sizeof surname / sizeof surname[0]; i++)
    add(surname[i], strlen(surname[i]), PERSON_SURNAME);
  /* the lexicon's names a folded word can equal */
  for (t = 0; t < lx_vocab_table_count; t++) {
    unsigned bits = (lx_vocab_tables[t].bits & AJAR_V_GIVEN_NAME ? PERSON_GIVEN : 0) |
                    (lx_vocab_tables[t].bits & AJAR_V_SURNAME ? PERSON_SURNAME : 0);
    for (i = 0; bits && i < lx_vocab_tables[t].n; i++)
      if (ascii_lower(lx_vocab_tables[t].v[i]))
        add(lx_vocab_tables[t].v[i], strlen(lx_vocab_tables[t].v[i]), bits);
  }
  person_word_classes(add_class);
  set_bits(zh_given_bits, HAN_LO, HAN_N, zh_given, sizeof zh_given - 1);
  set_bits(ja_end_bits, HAN_LO, HAN_N, ja_given_end, sizeof ja_given_end - 1);
  set_bits(ko_given_bits, HANGUL_LO, HANGUL_N, ko_given, sizeof ko_given - 1);
}

/* the name vocabularies of the lexicon (bits for PERSON_*) */
static unsigned name_bits(uint32_t v) {
  return (v & AJAR_V_GIVEN_NAME ? PERSON_GIVEN : 0) | (v & AJAR_V_SURNAME ? PERSON_SURNAME : 0);
}

/* One part of a word, raw (rn bytes) and folded (f, fn bytes): the
 * lexicon's names for the raw part in its normal form, then the table's
 * for the folded one. The table holds the lexicon's names of ASCII
 * letters, all a folded part can equal, but for one over 15 bytes. */
static unsigned known_part(const char *raw, size_t rn, const char *f, size_t fn) {
  unsigned bits = name_bits(ajar_lexicon_value_vocab(raw, rn));
  uint64_t lo, hi;
  size_t k;
  if (fn < 2)
    return bits;
  if (halves(f, fn, &lo, &hi))
    return (k = find(lo, hi, fn)) != 0 ? bits | keys[k - 1].bits : bits;
  return bits | name_bits(ajar_lexicon_value_vocab_exact(f, fn));
}

unsigned person_word_known_parts(const char *w, size_t n) {
  char f[48];
  size_t i, start = 0;
  unsigned bits = 0;
  if (n < 2 || n >= sizeof f)
    return 0;
  ajar_once(&once, &built, build);
  for (i = 0; i <= n; i++) {
    if (i == n || w[i] == '-') {
      size_t fn = fold_word(w + start, i - start, f, sizeof f);
      if (fn)
        bits |= known_part(w + start, i - start, f, fn);
      start = i + 1;
    }
  }
  return bits;
}

#if defined(__SSSE3__)
/* w (n bytes) lower-cased if it is 2 to 15 ASCII letters (the lanes past
 * it 0); *ok 0 when it is not */
static inline __m128i ascii_lower16(const char *w, size_t n, int *ok) {
  __m128i l = _mm_or_si128(shape_load_part(w, n), _mm_set1_epi8(0x20));
  __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(l, _mm_set1_epi8('a' - 1)),
                                 _mm_cmpgt_epi8(_mm_set1_epi8('z' + 1), l));
  *ok = (unsigned)_mm_movemask_epi8(letter) == (1u << n) - 1;
  return _mm_and_si128(l, letter); /* the lanes past w stay 0 */
}
#endif

/* the entry of the lower-case key, as bits | cls << PERSON_CLASS_SHIFT */
static unsigned entry_of(uint64_t lo, uint64_t hi, size_t n) {
  size_t k;
  ajar_once(&once, &built, build);
  k = find(lo, hi, n);
  return k ? (unsigned)keys[k - 1].bits | (unsigned)keys[k - 1].cls << PERSON_CLASS_SHIFT : 0;
}

unsigned person_word_ascii(const char *w, size_t n) {
#if defined(__SSSE3__)
  int ok;
  __m128i l = ascii_lower16(w, n, &ok);
  return entry_of((uint64_t)_mm_cvtsi128_si64(l),
                  (uint64_t)_mm_cvtsi128_si64(_mm_srli_si128(l, 8)), n);
#else
  char k[16] = {0};
  uint64_t lo, hi;
  size_t i;
  for (i = 0; i < n; i++)
    k[i] = (char)(w[i] | 0x20);
  memcpy(&lo, k, 8);
  memcpy(&hi, k + 8, 8);
  return entry_of(lo, hi, n);
#endif
}

unsigned person_word_known(const char *w, size_t n) {
#if defined(__SSSE3__)
  /* most words: 2 to 15 ASCII letters. Folded, such a word is itself
   * lower-cased, the lexicon's normal form too, and the table holds
   * every name either can be: one lookup, lower-cased 16 bytes a step */
  if (n >= 2 && n < 16) {
    int ok;
    __m128i l = ascii_lower16(w, n, &ok);
    if (ok)
      return entry_of((uint64_t)_mm_cvtsi128_si64(l),
                      (uint64_t)_mm_cvtsi128_si64(_mm_srli_si128(l, 8)), n) &
             (PERSON_GIVEN | PERSON_SURNAME);
  }
#endif
  return person_word_known_parts(w, n);
}

/* ---- names in CJK scripts --------------------------------------------- */

enum script { S_NONE, S_HAN, S_KANA, S_HANGUL };

static enum script script_of(const unsigned char *p) {
  unsigned cp = ((unsigned)(p[0] & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) |
                (p[2] & 0x3F);
  if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
    return S_NONE;
  if (cp >= 0x4E00 && cp <= 0x9FFF)
    return S_HAN;
  if (cp >= 0xAC00 && cp <= 0xD7A3)
    return S_HANGUL;
  if ((cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC)
    return S_KANA;
  return S_NONE;
}


/* Whether one Han or Hangul character is a common surname, asked of the
 * lexicon once per character and kept: 0 not asked yet, 1 no, 2 yes.
 * Threads may fill the same byte at once; they write the same value. */
static unsigned char surname1_seen[HAN_N + HANGUL_N];

static int surname_char(const char *p) {
  unsigned x = cp3(p), i;
  unsigned char k;
  if (x - HAN_LO < HAN_N)
    i = x - HAN_LO;
  else if (x - HANGUL_LO < HANGUL_N)
    i = HAN_N + (x - HANGUL_LO);
  else
    return (ajar_lexicon_value_vocab_exact(p, 3) & AJAR_V_CN_SURNAME) != 0;
  k = __atomic_load_n(&surname1_seen[i], __ATOMIC_RELAXED);
  if (!k) {
    k = (ajar_lexicon_value_vocab_exact(p, 3) & AJAR_V_CN_SURNAME) ? 2 : 1;
    __atomic_store_n(&surname1_seen[i], k, __ATOMIC_RELAXED);
  }
  return k == 2;
}

/* the whole part (1-3 characters) is a common surname */
static int surname_part(const char *p, size_t n) {
  if (n == 3)
    return surname_char(p);
  return n >= 3 && n <= 9 && (ajar_lexicon_value_vocab_exact(p, n) & AJAR_V_CN_SURNAME);
}

/* the part starts with a common surname and has more after it */
static int surname_first(const char *p, size_t n) {
  return (n > 3 && surname_part(p, 3)) || (n > 6 && surname_part(p, 6)) ||
         (n > 9 && surname_part(p, 9));
}

/* a given name alone (no space): Chinese, Japanese or Korean */
static int given_part(const char *p, size_t n, enum script s) {
  size_t i;
  if (s == S_HAN && n <= 6) { /* one or two characters, each a given-name one */
    for (i = 0; i < n && ZH_GIVEN(p + i); i += 3)
      ;
    if (i >= n)
      return 1;
  }
  if (s == S_HAN && n >= 6 && n <= 9) /* 英樹, 瀬里奈: a given name's ending */
    return JA_END(p + n - 3);
  if (s == S_HANGUL && n == 6)
    return KO_GIVEN(p) && KO_GIVEN(p + 3);
  return 0;
}

int person_cjk_name(const char *v, size_t n) {
  size_t i, chars = 0, space = 0;
  enum script first = S_NONE, mixed = S_NONE;
  int kana = 0;
  if (n < 3 || n > 16)
    return 0;
  ajar_once(&once, &built, build);
  for (i = 0; i < n;) {
    enum script s;
    if (v[i] == ' ') {
      if (space || i == 0 || i + 1 >= n)
        return 0;
      space = i++;
      continue;
    }
    if (((unsigned char)v[i] & 0xF0) != 0xE0 || i + 3 > n)
      return 0;
    s = script_of((const unsigned char *)v + i);
    if (s == S_NONE)
      return 0;
    if (s == S_KANA)
      kana = 1;
    else if (first == S_NONE)
      first = s;
    else if (s != first)
      mixed = s;
    i += 3;
    chars++;
  }
  if (chars > 5 || mixed != S_NONE || (kana && first == S_HANGUL))
    return 0;
  if (space) {
    const char *a = v, *b = v + space + 1;
    size_t an = space, bn = n - space - 1;
    enum script sa = script_of((const unsigned char *)a),
                sb = script_of((const unsigned char *)b);
    if (an > 12 || bn > 12)
      return 0;
    if (surname_part(a, an) || surname_part(b, bn))
      return 3; /* 木村 陽一, 治花 边 */
    /* a given name in kana beside a family name in kanji (サエコ 羽村):
     * Japanese writes only names so; or a given name's characters */
    if ((sa == S_KANA) != (sb == S_KANA) || (sb != S_KANA && given_part(b, bn, sb)) ||
        (sa != S_KANA && given_part(a, an, sa)))
      return 2;
    return 1;
  }
  if (kana)
    return first == S_NONE && chars >= 2 && chars <= 4 ? 1 : 0;
  if (chars == 1) /* a family name alone (王, 김), a given name (燕, 勇) */
    return surname_part(v, n) || (first == S_HAN && given_part(v, n, first)) ? 2
                                                                             : first == S_HAN;
  /* Hangul: two syllables are mostly everyday words (정상, 이상), only
   * shaped like a name unless both are given-name syllables; three or
   * four start with a surname */
  if (first == S_HANGUL && chars == 2)
    return surname_part(v, n) ? 3 : given_part(v, n, first) ? 2 : 1;
  /* the first character first: most names start with a one-character
   * surname, known without a lookup */
  if (surname_first(v, n) || surname_part(v, n))
    return 3; /* 佐藤, 欧阳, 王小明, 김민준 */
  if (given_part(v, n, first))
    return 2;
  return chars <= 4 ? 1 : 0;
}
