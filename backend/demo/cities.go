package demo

import (
	"strconv"
	"strings"
	"sync"
)

// frenchCities lists real French towns with their real postcodes: "Name;postcodes;population in
// thousands". A town with several postcodes shares its population between them, unless a postcode
// gives its own ("75011=142"). Postcodes keep their leading zeros (Privas 07000).
const frenchCities = `
Paris;75001=16 75002=21 75003=33 75004=28 75005=57 75006=40 75007=49 75008=35 75009=59 75010=83 75011=142 75012=139 75013=178 75014=134 75015=227 75016=162 75017=164 75018=188 75019=181 75020=191;
Marseille;13001=40 13002=25 13003=51 13004=48 13005=46 13006=43 13007=35 13008=80 13009=76 13010=57 13011=58 13012=63 13013=93 13014=62 13015=78 13016=17;
Lyon;69001=30 69002=31 69003=104 69004=36 69005=50 69006=52 69007=86 69008=87 69009=52;
Toulouse;31000 31100 31200 31300 31400 31500;504
Nice;06000 06100 06200 06300;348
Nantes;44000 44100 44200 44300;323
Montpellier;34000 34070 34080 34090;302
Strasbourg;67000 67100 67200;291
Bordeaux;33000 33100 33200 33300 33800;261
Lille;59000 59800 59160 59260;236
Rennes;35000 35200 35700;225
Reims;51100;180
Toulon;83000 83100 83200;180
Saint-Étienne;42000 42100;173
Le Havre;76600 76610 76620;166
Grenoble;38000 38100;158
Dijon;21000;159
Angers;49000 49100;157
Villeurbanne;69100;154
Nîmes;30000 30900;148
Clermont-Ferrand;63000 63100;147
Aix-en-Provence;13090 13100;147
Le Mans;72000 72100;145
Brest;29200;139
Tours;37000 37100 37200;137
Amiens;80000 80080 80090;133
Limoges;87000 87100 87280;130
Annecy;74000 74370 74600 74940 74960;131
Perpignan;66000 66100;120
Boulogne-Billancourt;92100;121
Metz;57000 57050 57070;120
Besançon;25000;119
Orléans;45000 45100;116
Saint-Denis;93200 93210;113
Argenteuil;95100;110
Rouen;76000 76100;114
Montreuil;93100;111
Mulhouse;68100 68200;108
Caen;14000;108
Nancy;54000 54100;104
Saint-Paul;97460;105
Saint-Denis;97400;153
Tourcoing;59200;99
Roubaix;59100;98
Nanterre;92000;96
Vitry-sur-Seine;94400;95
Créteil;94000;92
Avignon;84000;91
Poitiers;86000;89
Aubervilliers;93300;88
Colombes;92700;86
Dunkerque;59140 59240 59640;86
Aulnay-sous-Bois;93600;86
Asnières-sur-Seine;92600;87
Versailles;78000;84
Courbevoie;92400;82
Rueil-Malmaison;92500;79
Cherbourg-en-Cotentin;50100;78
Champigny-sur-Marne;94500;77
Pau;64000;76
Béziers;34500;79
La Rochelle;17000;78
Saint-Maur-des-Fossés;94100 94210;75
Cannes;06400 06150;74
Calais;62100;67
Antibes;06600 06160;73
Drancy;93700;72
Ajaccio;20000 20090;73
Mérignac;33700;72
Saint-Nazaire;44600;72
Colmar;68000;67
Issy-les-Moulineaux;92130;68
Noisy-le-Grand;93160;69
Évry-Courcouronnes;91000 91080;67
Vénissieux;69200;67
Cergy;95000 95800;66
Levallois-Perret;92300;66
Valence;26000;64
Bourges;18000;64
Pessac;33600;65
Cayenne;97300;63
Ivry-sur-Seine;94200;64
Quimper;29000;63
La Seyne-sur-Mer;83500;62
Antony;92160;62
Villeneuve-d'Ascq;59491 59650;62
Clichy;92110;62
Troyes;10000;62
Montauban;82000;61
Neuilly-sur-Seine;92200;59
Pantin;93500;59
Niort;79000;59
Chambéry;73000;59
Sarcelles;95200;58
Le Blanc-Mesnil;93150;57
Lorient;56100;57
Beauvais;60000;56
Maisons-Alfort;94700;56
Meaux;77100;56
Narbonne;11100;56
Chelles;77500;55
Hyères;83400;55
Villejuif;94800;56
Fréjus;83600;54
Vannes;56000;54
Bondy;93140;54
Évreux;27000;47
Arles;13200;51
Clamart;92140;53
Annemasse;74100;37
Saint-Quentin;02100;53
Belfort;90000;46
Bayonne;64100;52
Sartrouville;78500;52
Cholet;49300;54
Laval;53000;49
Saint-Malo;35400;47
Châteauroux;36000;43
Blois;41000;46
Brive-la-Gaillarde;19100;46
Charleville-Mézières;08000;46
Angoulême;16000;42
Albi;81000;49
Carcassonne;11000;46
Châlons-en-Champagne;51000;44
Saint-Brieuc;22000;44
Chartres;28000;39
Tarbes;65000;42
Bastia;20200 20600;48
Agen;47000;33
Périgueux;24000;30
Mâcon;71000;34
Auxerre;89000;34
Nevers;58000;33
Épinal;88000;32
Alès;30100;43
Gap;05000;41
Digne-les-Bains;04000;16
Privas;07000;8
Bourg-en-Bresse;01000;42
Moulins;03000;19
Aurillac;15000;25
Rodez;12000;24
Cahors;46000;19
Mende;48000;12
Foix;09000;9
Auch;32000;22
Mont-de-Marsan;40000;30
Guéret;23000;13
Tulle;19000;14
Lons-le-Saunier;39000;17
Vesoul;70000;15
Chaumont;52000;22
Bar-le-Duc;55000;15
Laon;02000;25
Alençon;61000;26
Saint-Lô;50000;19
Dieppe;76200;28
Arras;62000;41
Lens;62300;31
Douai;59500;39
Valenciennes;59300;43
Cambrai;59400;32
Boulogne-sur-Mer;62200;40
Compiègne;60200;40
Soissons;02200;28
Sens;89100;27
Montargis;45200;15
Vierzon;18100;26
Saumur;49400;26
La Roche-sur-Yon;85000;55
Les Sables-d'Olonne;85100;48
Rochefort;17300;24
Cognac;16100;18
Biarritz;64200;25
Dax;40100;21
Lourdes;65100;13
Sète;34200;44
Montélimar;26200;40
Vienne;38200;30
Roanne;42300;34
Vichy;03200;25
Le Puy-en-Velay;43000;19
Thonon-les-Bains;74200;36
Aix-les-Bains;73100;31
Manosque;04100;22
Draguignan;83300;40
Grasse;06130;50
Menton;06500;30
Salon-de-Provence;13300;46
Istres;13800;44
Martigues;13500;49
Aubagne;13400;48
Orange;84100;29
Carpentras;84200;29
Lunel;34400;26
Millau;12100;22
Castres;81100;42
Figeac;46100;10
Bergerac;24100;27
Libourne;33500;25
Arcachon;33120;11
Morlaix;29600;15
Lannion;22300;20
Dinan;22100;14
Fougères;35300;20
Vitré;35500;18
Concarneau;29900;19
Douarnenez;29100;14
Pontivy;56300;15
Guingamp;22200;7
Saint-Dié-des-Vosges;88100;20
Haguenau;67500;35
Sélestat;67600;19
Saverne;67700;11
Thionville;57100;41
Forbach;57600;21
Sarreguemines;57200;21
Lunéville;54300;18
Verdun;55100;17
Épernay;51200;22
Sedan;08200;16
Pointe-à-Pitre;97110;15
Les Abymes;97139;53
Fort-de-France;97200;76
Le Lamentin;97232;40
Saint-Pierre;97410;84
Le Tampon;97430;80
Mamoudzou;97600;71
Saint-Laurent-du-Maroni;97320;47
Saint-Jean-de-Luz;64500;14
Sarlat-la-Canéda;24200;9
Chamonix-Mont-Blanc;74400;9
Plougastel-Daoulas;29470;13
L'Isle-sur-la-Sorgue;84800;19
Pont-à-Mousson;54700;14
Bourg-Saint-Maurice;73700;7
Saint-Girons;09200;6
Oloron-Sainte-Marie;64400;11
Villefranche-sur-Saône;69400;37
Bagnères-de-Bigorre;65200;7
Montbéliard;25200;25
Pontarlier;25300;17
Dole;39100;24
Autun;71400;13
Beaune;21200;20
Paray-le-Monial;71600;9
Issoudun;36100;11
Saint-Amand-Montrond;18200;9
Loches;37600;6
Amboise;37400;13
Chinon;37500;8
Saint-Flour;15100;6
Ussel;19200;9
Marmande;47200;18
Villeneuve-sur-Lot;47300;22
Lannemezan;65300;5
Quimperlé;29300;12
Landerneau;29800;16
Paimpol;22500;7
Redon;35600;9
Ploërmel;56800;10
Auray;56400;14
Honfleur;14600;7
Bayeux;14400;13
Lisieux;14100;20
Fécamp;76400;18
Étretat;76790;1
Abbeville;80100;23
Saint-Omer;62500;14
Béthune;62400;25
Hazebrouck;59190;22
Maubeuge;59600;29
Armentières;59280;25
Obernai;67210;11
Molsheim;67120;10
Ribeauvillé;68150;5
Guebwiller;68500;11
Saint-Louis;68300;22
Gérardmer;88400;8
Remiremont;88200;8
Langres;52200;8
Saint-Dizier;52100;23
Vitry-le-François;51300;12
Provins;77160;12
Fontainebleau;77300;15
Rambouillet;78120;26
Étampes;91150;26
Pontoise;95300;32
Enghien-les-Bains;95880;11
Vincennes;94300;49
Saint-Ouen-sur-Seine;93400;51
Le Pré-Saint-Gervais;93310;17
Bagnolet;93170;36
Romainville;93230;30
Les Lilas;93260;23
Malakoff;92240;30
Montrouge;92120;50
Vanves;92170;28
Sceaux;92330;20
Châtillon;92320;37
Gentilly;94250;17
Arcueil;94110;22
Cachan;94230;30
Fontenay-sous-Bois;94120;53
Nogent-sur-Marne;94130;33
Saint-Mandé;94160;22
Charenton-le-Pont;94220;30
Alfortville;94140;37
Massy;91300;52
Palaiseau;91120;36
Orsay;91400;16
Gif-sur-Yvette;91190;22
Saint-Germain-en-Laye;78100;45
Poissy;78300;39
Mantes-la-Jolie;78200;45
Bron;69500;42
Vaulx-en-Velin;69120;52
Caluire-et-Cuire;69300;43
Échirolles;38130;37
Saint-Martin-d'Hères;38400;39
Meylan;38240;18
Voiron;38500;20
Talence;33400;44
Bègles;33130;30
Blagnac;31700;26
Colomiers;31770;40
Muret;31600;26
Rezé;44400;43
Saint-Herblain;44800;49
Cesson-Sévigné;35510;18
Bruz;35170;19
Schiltigheim;67300;34
Illkirch-Graffenstaden;67400;27
Marcq-en-Barœul;59700;39
Lambersart;59130;28
La Madeleine;59110;22
Wattrelos;59150;40
Castelnau-le-Lez;34170;24
Lattes;34970;17
Cagnes-sur-Mer;06800;52
Le Cannet;06110;42
Saint-Laurent-du-Var;06700;30
Vallauris;06220;27
La Ciotat;13600;36
Vitrolles;13127;33
Marignane;13700;34
Gardanne;13120;21
Porto-Vecchio;20137;12
Calvi;20260;6
Corte;20250;8
`

// city is one town and one of its postcodes.
type city struct {
	name, postcode string
}

type cityTables struct {
	cities []city
	w      weighted
	names  []string // distinct town names, for queries
	namesW weighted
}

var citiesTable = sync.OnceValue(buildCityTables)

func buildCityTables() *cityTables {
	t := &cityTables{}
	var weights []float64
	byName := map[string]int{}
	var nameWeights []float64
	for _, line := range strings.Split(strings.TrimSpace(frenchCities), "\n") {
		parts := strings.Split(strings.TrimSpace(line), ";")
		if len(parts) != 3 {
			panic("demo: bad city line " + line)
		}
		name, codes := parts[0], strings.Fields(parts[1])
		pop, _ := strconv.ParseFloat(parts[2], 64)
		for _, code := range codes {
			w := pop / float64(len(codes))
			if c, own, ok := strings.Cut(code, "="); ok {
				code = c
				w, _ = strconv.ParseFloat(own, 64)
			}
			t.cities = append(t.cities, city{name: name, postcode: code})
			weights = append(weights, w)
			i, seen := byName[name]
			if !seen {
				i = len(t.names)
				byName[name] = i
				t.names = append(t.names, name)
				nameWeights = append(nameWeights, 0)
			}
			nameWeights[i] += w
		}
	}
	t.w = newWeighted(weights)
	t.namesW = newWeighted(nameWeights)
	return t
}

// inCity is "à Lyon", "au Havre", "aux Sables-d'Olonne".
func inCity(name string) string {
	switch {
	case strings.HasPrefix(name, "Le "):
		return "au " + name[len("Le "):]
	case strings.HasPrefix(name, "Les "):
		return "aux " + name[len("Les "):]
	}
	return "à " + name
}

// landlinePrefix is the first two digits of a landline in the region of a postcode: 01 for
// Île-de-France, 02 north-west, 03 north-east, 04 south-east, 05 south-west; "" overseas.
func landlinePrefix(postcode string) string {
	if len(postcode) < 2 {
		return ""
	}
	switch postcode[:2] {
	case "75", "77", "78", "91", "92", "93", "94", "95":
		return "01"
	case "14", "18", "22", "27", "28", "29", "35", "36", "37", "41", "44", "45", "49", "50", "53", "56",
		"61", "72", "76", "85":
		return "02"
	case "02", "08", "10", "21", "25", "39", "51", "52", "54", "55", "57", "58", "59", "60", "62", "67",
		"68", "70", "71", "80", "88", "89", "90":
		return "03"
	case "01", "03", "04", "05", "06", "07", "11", "13", "15", "20", "26", "30", "34", "38", "42", "43",
		"48", "63", "66", "69", "73", "74", "83", "84":
		return "04"
	case "09", "12", "16", "17", "19", "23", "24", "31", "32", "33", "40", "46", "47", "64", "65", "79",
		"81", "82", "86", "87":
		return "05"
	}
	return ""
}

// overseasMobile is the mobile prefix of the overseas departments, which differ from 06/07.
func overseasMobile(postcode string) string {
	if len(postcode) < 3 || postcode[:2] != "97" {
		return ""
	}
	switch postcode[:3] {
	case "971":
		return "0690"
	case "972":
		return "0696"
	case "973":
		return "0694"
	case "974":
		return "0692"
	case "976":
		return "0639"
	}
	return ""
}
