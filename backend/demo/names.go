package demo

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The name lists below are written as compact comma-separated strings, most frequent first:
// the rank gives the weight. In first-name lists "Latin:Кириллица" gives a second spelling used
// when a person's name is written in Cyrillic; in last-name lists "Masculine/Feminine" gives the
// two forms of a surname that agrees with gender (Kowalski/Kowalska, Petrov/Petrova).

// generation is a group of birth years with the first names French parents gave then.
type generation struct {
	fromYear, toYear int
	women, men       string
}

// frenchGenerations run from the oldest to the youngest volunteers.
var frenchGenerations = []generation{
	{1944, 1959,
		"Marie, Monique, Françoise, Catherine, Nicole, Martine, Sylvie, Christine, Brigitte, Jacqueline, " +
			"Michèle, Danielle, Annie, Chantal, Josiane, Évelyne, Geneviève, Thérèse, Colette, Odile, " +
			"Marie-Claude, Marie-Hélène, Bernadette, Yvette, Claudine, Jocelyne, Marie-Thérèse, Huguette, " +
			"Arlette, Denise, Élisabeth, Mireille, Marie-France, Marie-Christine, Anne-Marie, Simone, Janine, " +
			"Ginette, Liliane, Paulette, Régine, Maryse, Josette, Gisèle, Yvonne, Dominique, Madeleine, " +
			"Suzanne, Renée, Claude",
		"Jean, Michel, Alain, Bernard, Gérard, Jacques, Daniel, Patrick, Pierre, Jean-Pierre, Claude, " +
			"Jean-Claude, Christian, René, Gilbert, André, Roger, Guy, Serge, Jean-Louis, Jean-Marie, " +
			"Jean-Paul, Marcel, Yves, Joël, Gilles, Jean-François, Francis, Jean-Jacques, Noël, Maurice, " +
			"Georges, Robert, Henri, Raymond, Paul, Louis, Jean-Michel, Dominique, Roland, Marc, Hubert, " +
			"Lucien, Jean-Yves, Bruno"},
	{1960, 1974,
		"Isabelle, Nathalie, Sylvie, Catherine, Valérie, Christine, Sandrine, Véronique, Pascale, Corinne, " +
			"Laurence, Florence, Patricia, Muriel, Brigitte, Karine, Hélène, Anne, Agnès, Béatrice, Carole, " +
			"Martine, Frédérique, Marie-Christine, Marie-Pierre, Fabienne, Dominique, Sophie, Emmanuelle, " +
			"Marie-Laure, Nadine, Évelyne, Christelle, Cécile, Claire, Marie-Noëlle, Odile, Annick, " +
			"Françoise, Élisabeth, Myriam, Ghislaine, Maryline, Joëlle, Marie-Hélène",
		"Philippe, Patrick, Thierry, Pascal, Éric, Christophe, Laurent, Frédéric, Didier, Stéphane, Bruno, " +
			"Olivier, Dominique, Jean-Luc, Franck, Hervé, Denis, Bertrand, Lionel, Marc, Joël, Gilles, " +
			"François, Jean-Marc, Jean-Michel, Jean-Philippe, Xavier, Benoît, Yannick, Patrice, Alain, Serge, " +
			"Fabrice, Régis, Vincent, Jérôme, Emmanuel, Jean-Charles, Luc, Bernard, Arnaud, Sylvain, " +
			"Jean-Christophe, Yves, Thibaut"},
	{1975, 1989,
		"Céline, Aurélie, Stéphanie, Émilie, Julie, Sandrine, Nathalie, Virginie, Élodie, Audrey, Caroline, " +
			"Mélanie, Sophie, Laetitia, Marie, Anne-Sophie, Jennifer, Vanessa, Amandine, Sabrina, Jessica, " +
			"Delphine, Séverine, Anaïs, Claire, Charlotte, Hélène, Marion, Laure, Géraldine, Magali, " +
			"Alexandra, Cécile, Karine, Gaëlle, Maud, Ophélie, Émeline, Elsa, Perrine, Mathilde, Marjorie, " +
			"Clémence, Noémie, Lucie, Pauline, Aurore, Coralie, Angélique, Camille",
		"Sébastien, Nicolas, Julien, Christophe, Stéphane, Jérôme, Cédric, Guillaume, David, Mickaël, " +
			"Anthony, Fabien, Romain, Mathieu, Olivier, Vincent, Damien, Yann, Benoît, Loïc, Grégory, Arnaud, " +
			"Jérémy, Kévin, Thomas, Alexandre, Maxime, Florian, Jonathan, Ludovic, François, Gaël, Yoann, " +
			"Jean-Baptiste, Aurélien, Sylvain, Raphaël, Pierre-Yves, Franck, Frédéric, Laurent, Benjamin, " +
			"Matthieu, Emmanuel, Samuel, Xavier, Gaëtan, Erwan, Ronan, Yannick"},
	{1990, 2004,
		"Camille, Manon, Léa, Laura, Chloé, Sarah, Marie, Océane, Pauline, Mathilde, Marine, Justine, Emma, " +
			"Clara, Lucie, Inès, Anaïs, Julie, Morgane, Juliette, Noémie, Margaux, Charlotte, Élise, Eva, " +
			"Maëlys, Zoé, Lola, Jade, Louise, Alicia, Romane, Maëva, Coralie, Elsa, Mélissa, Clémence, " +
			"Amélie, Audrey, Lisa, Ambre, Agathe, Salomé, Capucine, Apolline, Claire, Estelle, Héloïse, " +
			"Cassandra, Alix",
		"Thomas, Nicolas, Maxime, Alexandre, Quentin, Antoine, Hugo, Lucas, Kévin, Théo, Romain, Clément, " +
			"Julien, Florian, Baptiste, Valentin, Pierre, Louis, Dylan, Mathis, Enzo, Nathan, Tom, Paul, " +
			"Arthur, Benjamin, Corentin, Adrien, Jordan, Bastien, Victor, Axel, Gaëtan, Loïc, Jules, Léo, Noé, " +
			"Mathéo, Alexis, Guillaume, Anthony, Rémi, Simon, Tristan, Erwan, Martin, Jérémy, Aurélien, " +
			"Sacha, Nathanaël"},
	{2005, 2008,
		"Emma, Léa, Chloé, Manon, Inès, Lola, Jade, Camille, Sarah, Louise, Zoé, Lilou, Maëlys, Lina, Clara, " +
			"Juliette, Ambre, Louna, Romane, Mathilde, Eva, Lucie, Anna, Léna, Margaux, Océane, Alice, Rose, " +
			"Jeanne, Nina, Maëlle, Clémence, Élise, Agathe, Justine, Charlotte, Lou, Capucine, Héloïse, Sacha",
		"Lucas, Nathan, Enzo, Louis, Hugo, Gabriel, Théo, Mathis, Noah, Raphaël, Tom, Arthur, Jules, Ethan, " +
			"Timéo, Nolan, Maël, Sacha, Adam, Rayan, Clément, Baptiste, Maxime, Antoine, Paul, Axel, Léo, " +
			"Mattéo, Evan, Noé, Alexis, Victor, Valentin, Thomas, Quentin, Romain, Yanis, Kylian, Samuel, " +
			"Titouan"},
}

// frenchLastNames are the most frequent French surnames in rank order, with regional families
// (Breton, Corsican, Basque, Alsatian, Occitan, Réunion and the Antilles) further down.
const frenchLastNames = "Martin, Bernard, Thomas, Petit, Robert, Richard, Durand, Dubois, Moreau, Laurent, " +
	"Simon, Michel, Lefebvre, Leroy, Roux, David, Bertrand, Morel, Fournier, Girard, Bonnet, Dupont, " +
	"Lambert, Fontaine, Rousseau, Vincent, Muller, Lefèvre, Faure, André, Mercier, Blanc, Guérin, Boyer, " +
	"Garnier, Chevalier, François, Legrand, Gauthier, Garcia, Perrin, Robin, Clément, Morin, Nicolas, " +
	"Henry, Roussel, Mathieu, Gautier, Masson, Marchand, Duval, Denis, Dumont, Marie, Lemaire, Noël, " +
	"Meyer, Dufour, Meunier, Brun, Blanchard, Giraud, Joly, Rivière, Lucas, Brunet, Gaillard, Barbier, " +
	"Arnaud, Martinez, Gérard, Roche, Renard, Schmitt, Roy, Leroux, Colin, Vidal, Caron, Picard, Roger, " +
	"Fabre, Aubert, Lemoine, Renaud, Dumas, Lacroix, Olivier, Philippe, Bourgeois, Pierre, Benoît, Rey, " +
	"Leclerc, Payet, Rolland, Leclercq, Guillaume, Lecomte, Lopez, Jean, Dupuy, Guillot, Hubert, Berger, " +
	"Carpentier, Sanchez, Dupuis, Moulin, Louis, Deschamps, Huet, Vasseur, Perez, Boucher, Fleury, Royer, " +
	"Klein, Jacquet, Adam, Paris, Poirier, Marty, Aubry, Guyot, Carré, Charles, Renault, Charpentier, " +
	"Ménard, Maillard, Baron, Bertin, Bailly, Hervé, Schneider, Fernandez, Le Gall, Collet, Léger, " +
	"Bouvier, Julien, Prévost, Millet, Perrot, Daniel, Le Roux, Cousin, Germain, Breton, Besson, Langlois, " +
	"Rémy, Le Goff, Pelletier, Lévêque, Perrier, Leblanc, Barré, Lebrun, Marchal, Weber, Mallet, Hamon, " +
	"Boulanger, Jacob, Monnier, Michaud, Rodriguez, Guichard, Gillet, Étienne, Grondin, Poulain, Tessier, " +
	"Chevallier, Collin, Chauvin, Da Silva, Bouchet, Gay, Lemaître, Bénard, Maréchal, Humbert, Reynaud, " +
	"Antoine, Hoarau, Perret, Barthélemy, Cordier, Pichon, Lejeune, Gilbert, Lamy, Delaunay, Pasquier, " +
	"Carlier, Laporte, Gomez, Ferrand, Devaux, Lebon, Bouvet, Texier, Lesage, Buisson, Besnard, Laine, " +
	"Blanchet, Guillou, Tanguy, Riou, Morvan, Prigent, Chauvet, Bonnin, Bourdon, Marion, Charrier, " +
	"Jourdan, Ollivier, Bousquet, Vallet, Hamel, Hébert, Toussaint, Pons, Aubin, Vaillant, Lacoste, " +
	"Barbe, Roques, Navarro, Poulet, Rossignol, Bazin, Guillon, Baudry, Mary, Delattre, Verdier, Ricard, " +
	"Loiseau, Hardy, Cordonnier, Gros, Chrétien, Lefort, Parent, Brunel, Mounier, Valentin, Marin, " +
	"Bigot, Joubert, Bourdin, Thibault, Blondel, Charbonnier, Gaudin, Peltier, Pineau, Auger, Lemercier, " +
	"Grenier, Besse, Jacques, Raymond, Delmas, Lebreton, Mathis, Gallet, Cartier, Labbé, Courtois, " +
	"Coulon, Bonnard, Rocher, Rigaud, Lelièvre, Laval, Allard, Sauvage, Turpin, Duclos, Vial, Forestier, " +
	"Levasseur, Gosselin, Briand, Laurens, Séguin, Bouchard, Lecoq, Clerc, Boutin, Pottier, Godard, " +
	"Delorme, Fouquet, Tellier, Ferré, Cros, Hamelin, Martel, Raynaud, Lefranc, Dupré, Vigneron, " +
	"Cazenave, Berthelot, Chopin, Maurice, Lagrange, Prat, Chevrier, Grégoire, Bonneau, Lacombe, Puech, " +
	"Coste, Couderc, Sabatier, Soulié, Teyssier, Carrère, Laborde, Lafon, Lagarde, Pujol, Salles, Bayle, " +
	"Chabert, Azéma, Le Bihan, Le Floch, Quéré, Le Corre, Le Bris, Cadiou, Jaouen, Le Guen, Le Meur, " +
	"Le Berre, Le Moal, Salaün, Le Dantec, Le Borgne, Le Bras, Kerjean, Santoni, Pietri, Casanova, Leca, " +
	"Luciani, Albertini, Mattei, Etcheverry, Etchegaray, Iribarne, Larralde, Wagner, Hoffmann, Ehrhart, " +
	"Schaeffer, Técher, Maillot, Jean-Louis, Marie-Sainte, Pierre-Louis, Saint-Aimé, de La Fontaine, " +
	"de La Roche, de Villeneuve, de Saint-Martin, d'Aubigny, Le Roy"

// nameGroup is a family origin from elsewhere in Europe or the world, with the names such families
// carry in France, and the language they often still speak.
type nameGroup struct {
	weight      float64 // share of all volunteers, in percent
	lang        string  // the language of origin, "" when there is none to add
	langShare   float64 // how often a volunteer of this origin speaks it
	frenchFirst float64 // how often they carry a French first name (second and third generations)
	cyrillic    float64 // how often the name is written in Cyrillic (only with a first name of the group)
	women, men  string
	last        string
}

var foreignGroups = []nameGroup{
	{weight: 3.0, lang: "ar", langShare: 0.55, frenchFirst: 0.35,
		women: "Yasmine, Nadia, Samira, Leïla, Fatima, Nour, Sonia, Karima, Myriam, Amel, Salma, Sofia, " +
			"Malika, Rania, Houda, Dounia, Yasmina, Nawel, Lina, Sabrina, Farida, Imane",
		men: "Karim, Mohamed, Sofiane, Rachid, Mehdi, Amine, Youssef, Nabil, Farid, Samir, Hakim, Bilal, " +
			"Rayan, Walid, Mourad, Ilyes, Yanis, Ahmed, Hamza, Adel, Djamel, Khalid",
		last: "Benali, Haddad, Bouzid, Belkacem, Cherif, Mansouri, Amrani, El Amrani, Saïdi, Khelifi, " +
			"Meziane, Brahimi, Hamidi, Ziani, Boukhari, Ben Youssef, Benaïssa, Bouaziz, Chaouch, Djebbar, " +
			"Aït Ali, Kaci, Lounis, Messaoudi, Rahmani, Slimani, Tahri, Zerrouki, Boualem, El Idrissi, " +
			"Alaoui, Bennani, Tazi, Chraïbi, Trabelsi, Ben Salah, Jaziri, Gharbi"},
	{weight: 1.5, lang: "wo", langShare: 0.15, frenchFirst: 0.2,
		women: "Aminata, Fatoumata, Awa, Aïssatou, Kadiatou, Mariam, Adama, Hawa, Binta, Coumba, Astou, " +
			"Ramatoulaye",
		men: "Moussa, Mamadou, Ibrahima, Oumar, Seydou, Boubacar, Abdoulaye, Cheikh, Ousmane, Souleymane, " +
			"Lamine, Modibo, Adama",
		last: "Traoré, Diallo, Diop, Ndiaye, Camara, Keïta, Coulibaly, Sow, Konaté, Cissé, Sylla, Koné, " +
			"Touré, Fofana, Bah, Ba, Sané, Diarra, Doumbia, Sissoko, Kanté, Diakité, Faye, Gueye, Mbaye, " +
			"Sarr, Dembélé, Niang, N'Diaye"},
	{weight: 0.6, lang: "ln", langShare: 0.3, frenchFirst: 0.35,
		women: "Grâce, Merveille, Christelle, Divine, Gloire, Josiane, Blandine, Prisca, Nadège",
		men:   "Exaucé, Patrick, Jordy, Christian, Hervé, Junior, Landry, Arsène, Serge, Fabrice",
		last: "Mbemba, Nsimba, Mukendi, Ilunga, Kalala, Mbuyi, Tshibangu, Kabongo, Mabiala, Nkounkou, " +
			"Moukoko, Ngono, Mbarga, Atangana, Essomba, Fotso, Kamga"},
	{weight: 1.2, lang: "pt", langShare: 0.6, frenchFirst: 0.5,
		women: "Ana, Inês, Sónia, Catarina, Joana, Mariana, Beatriz, Rita, Filipa, Conceição",
		men:   "João, Tiago, Rui, Paulo, Luís, Nuno, Pedro, Gonçalo, Vítor, Hugo",
		last: "Dos Santos, Ferreira, Pereira, Rodrigues, Fernandes, Gonçalves, Lopes, Oliveira, De Oliveira, " +
			"Carvalho, Sousa, De Sousa, Da Costa, Teixeira, Moreira, Mendes, Ribeiro, Pinto, Correia, Alves, " +
			"Silva"},
	{weight: 0.8, lang: "es", langShare: 0.7, frenchFirst: 0.5,
		women: "Carmen, Lucía, María, Pilar, Nuria, Raquel, Marta, Rocío, Begoña, Elena",
		men:   "José, Javier, Alejandro, Sergio, Pablo, Jorge, Álvaro, Iñaki, Diego, Rubén",
		last: "García, Fernández, López, Martínez, Sánchez, Pérez, Gómez, Ruiz, Hernández, Díaz, Moreno, " +
			"Muñoz, Jiménez, Álvarez, Romero, Torres, Domínguez, Gutiérrez, Ramírez, Ortega"},
	{weight: 0.7, lang: "it", langShare: 0.5, frenchFirst: 0.6,
		women: "Giulia, Francesca, Chiara, Federica, Alessandra, Valentina, Silvia, Paola, Martina, Sara",
		men:   "Marco, Luca, Matteo, Alessandro, Giuseppe, Lorenzo, Davide, Andrea, Stefano, Giovanni",
		last: "Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, " +
			"Gallo, Conti, De Luca, Costa, Giordano, Mancini, Lombardi, Moretti, Barbieri, Fontana, Santoro, " +
			"Rinaldi, Caruso"},
	{weight: 0.4, lang: "vi", langShare: 0.5, frenchFirst: 0.4,
		women: "Linh, Thảo, Lan, Hương, Mai, Ngọc, Trang, Hoa, Phương, Thu",
		men:   "Minh, Huy, Tuấn, Quang, Dũng, Hùng, Long, Khánh, Nam, Thanh",
		last:  "Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Vũ, Võ, Đặng, Bùi, Đỗ, Ngô, Dương, Lý"},
	{weight: 0.4, lang: "zh", langShare: 0.6, frenchFirst: 0.3,
		women: "Mei, Jing, Xiaoyan, Fang, Ying, Yan, Hui, Xue, Lina, Qian",
		men:   "Wei, Hao, Lei, Jun, Jian, Tao, Bo, Ming, Zhiwei, Yong",
		last:  "Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Lin, Xu"},
	{weight: 0.3, lang: "pl", langShare: 0.5, frenchFirst: 0.5,
		women: "Agnieszka, Katarzyna, Małgorzata, Anna, Magdalena, Joanna, Ewa, Zofia, Barbara, Aleksandra",
		men:   "Piotr, Krzysztof, Tomasz, Paweł, Łukasz, Michał, Marek, Jakub, Wojciech, Grzegorz",
		last: "Kowalski/Kowalska, Wiśniewski/Wiśniewska, Nowak, Wójcik, Kamiński/Kamińska, " +
			"Lewandowski/Lewandowska, Zieliński/Zielińska, Szymański/Szymańska, Dąbrowski/Dąbrowska, " +
			"Woźniak, Kozłowski/Kozłowska, Mazur, Krawczyk, Jankowski/Jankowska"},
	{weight: 0.4, lang: "ro", langShare: 0.8, frenchFirst: 0.1,
		women: "Andreea, Ioana, Elena, Cristina, Mădălina, Alina, Roxana, Oana, Bianca, Diana",
		men:   "Mihai, Alexandru, Bogdan, Ionuț, Radu, Ștefan, Andrei, Florin, Adrian, Cătălin",
		last: "Popescu, Ionescu, Popa, Dumitrescu, Stan, Stoica, Gheorghe, Rusu, Munteanu, Constantin, " +
			"Dumitru, Ștefănescu, Moldovan, Lungu"},
	{weight: 0.3, lang: "de", langShare: 0.8, frenchFirst: 0.15,
		women: "Katrin, Sabine, Anja, Birgit, Anke, Ute, Jana, Lena, Franziska, Jutta",
		men:   "Jürgen, Stefan, Jörg, Lukas, Sven, Uwe, Matthias, Tobias, Klaus, Jens",
		last: "Müller, Schmidt, Fischer, Becker, Schulz, Schäfer, Koch, Bauer, Richter, Wolf, Schröder, " +
			"Neumann, Schwarz, Zimmermann, Braun, Krüger, Hofmann, Hartmann, Lange, Groß"},
	{weight: 0.1, lang: "", frenchFirst: 0,
		women: "Ingrid, Astrid, Sigrid, Freja, Åsa, Mette, Solveig, Karin, Linnea, Ingeborg",
		men:   "Lars, Søren, Bjørn, Nils, Erik, Anders, Magnus, Olav, Henrik, Jonas",
		last: "Øvergaard, Johansson, Andersson, Nilsson, Nielsen, Hansen, Jørgensen, Larsen, Lindqvist, " +
			"Åberg, Sørensen, Eriksson, Halvorsen, Bjørnstad"},
	{weight: 0.3, lang: "en", langShare: 1, frenchFirst: 0.1,
		women: "Emily, Sarah, Charlotte, Hannah, Siobhan, Emma, Rachel, Fiona",
		men:   "James, Oliver, William, Patrick, Daniel, Ciarán, Thomas, Andrew",
		last:  "Smith, Jones, Taylor, Brown, Williams, Wilson, Evans, Thompson, O'Brien, O'Connor, Murphy, Walsh"},
	{weight: 0.25, lang: "ru", langShare: 0.9, frenchFirst: 0.05, cyrillic: 0.35,
		women: "Olga:Ольга, Anna:Анна, Natalia:Наталья, Irina:Ирина, Elena:Елена, Svetlana:Светлана, " +
			"Tatiana:Татьяна, Ekaterina:Екатерина, Maria:Мария",
		men: "Dmitri:Дмитрий, Sergueï:Сергей, Andreï:Андрей, Alexeï:Алексей, Ivan:Иван, Mikhaïl:Михаил, " +
			"Nikolaï:Николай, Vladimir:Владимир",
		last: "Petrov/Petrova:Петров/Петрова, Ivanov/Ivanova:Иванов/Иванова, Smirnov/Smirnova:Смирнов/Смирнова, " +
			"Kouznetsov/Kouznetsova:Кузнецов/Кузнецова, Sokolov/Sokolova:Соколов/Соколова, " +
			"Volkov/Volkova:Волков/Волкова, Popov/Popova:Попов/Попова, Morozov/Morozova:Морозов/Морозова"},
	{weight: 0.2, lang: "uk", langShare: 0.9, frenchFirst: 0.05, cyrillic: 0.35,
		women: "Olena:Олена, Oksana:Оксана, Iryna:Ірина, Natalia:Наталія, Yulia:Юлія, Kateryna:Катерина",
		men:   "Oleksandr:Олександр, Taras:Тарас, Andriy:Андрій, Mykola:Микола, Dmytro:Дмитро, Bohdan:Богдан",
		last: "Chevtchenko:Шевченко, Kovalenko:Коваленко, Bondarenko:Бондаренко, Tkachenko:Ткаченко, " +
			"Melnyk:Мельник, Kravtchenko:Кравченко, Boyko:Бойко"},
	{weight: 0.4, lang: "tr", langShare: 0.7, frenchFirst: 0.2,
		women: "Ayşe, Elif, Zeynep, Fatma, Özlem, Merve, Emine, Büşra, Esra, Derya",
		men:   "Mehmet, Emre, Burak, Hakan, Cem, Mustafa, Ahmet, Murat, Yusuf, Kerem",
		last:  "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, Doğan, Kılıç, Aslan"},
	{weight: 0.2, lang: "hy", langShare: 0.4, frenchFirst: 0.6,
		women: "Anahide, Armine, Lousine, Nairi, Taline",
		men:   "Aram, Haïk, Vahé, Garo, Krikor, Ara",
		last: "Petrossian, Manoukian, Hagopian, Karapetian, Der Sarkissian, Kasparian, Kéchichian, " +
			"Boghossian, Minassian"},
}

// foreignShare is the share of volunteers from the foreign groups, in percent.
func foreignShare() float64 {
	total := 0.0
	for _, g := range foreignGroups {
		total += g.weight
	}
	return total
}

// person is a name as it appears in a profile and the ASCII form used to build e-mail addresses.
type person struct {
	text string // "Élodie", "Ольга"
	mail string // "elodie", "olga"
}

// surname has one form for men and one for women (often the same).
type surname struct{ men, women person }

// nameTables are the parsed lists with their weights.
type nameTables struct {
	gens      []genTables
	lastFR    []surname
	lastFRW   weighted
	groups    []groupTables
	groupW    weighted
	foreignPc float64
}

type genTables struct {
	gen            generation
	women, men     []person
	womenW, menW   weighted
	birthYearRange int
}

type groupTables struct {
	g                   nameGroup
	women, men          []person
	womenCyr, menCyr    []person // same order as women and men; text empty when there is none
	womenW, menW, lastW weighted
	last, lastCyr       []surname
}

var tables = sync.OnceValue(buildNameTables)

func buildNameTables() *nameTables {
	t := &nameTables{foreignPc: foreignShare()}
	for _, g := range frenchGenerations {
		gt := genTables{gen: g}
		gt.women, _ = parsePeople(g.women)
		gt.men, _ = parsePeople(g.men)
		gt.womenW = zipf(len(gt.women), 0.75, 3)
		gt.menW = zipf(len(gt.men), 0.75, 3)
		t.gens = append(t.gens, gt)
	}
	t.lastFR, _ = parseSurnames(frenchLastNames)
	t.lastFRW = zipf(len(t.lastFR), 0.45, 10) // Martin about 0.8%: the list is only the top of a long tail
	groupWeights := make([]float64, len(foreignGroups))
	for i, g := range foreignGroups {
		gt := groupTables{g: g}
		gt.women, gt.womenCyr = parsePeople(g.women)
		gt.men, gt.menCyr = parsePeople(g.men)
		gt.last, gt.lastCyr = parseSurnames(g.last)
		gt.womenW = zipf(len(gt.women), 0.5, 2)
		gt.menW = zipf(len(gt.men), 0.5, 2)
		gt.lastW = zipf(len(gt.last), 0.5, 2)
		t.groups = append(t.groups, gt)
		groupWeights[i] = g.weight
	}
	t.groupW = newWeighted(groupWeights)
	return t
}

// parsePeople reads "Élodie, Ольга:Olga"-style lists: the Latin spelling, then optionally the
// Cyrillic one.
func parsePeople(list string) (latin, cyrillic []person) {
	for _, item := range splitList(list) {
		lat, cyr, _ := strings.Cut(item, ":")
		latin = append(latin, person{text: lat, mail: mailStem(lat)})
		cyrillic = append(cyrillic, person{text: cyr, mail: mailStem(lat)})
	}
	return latin, cyrillic
}

// parseSurnames reads "Martin, Kowalski/Kowalska, Petrov/Petrova:Петров/Петрова".
func parseSurnames(list string) (latin, cyrillic []surname) {
	for _, item := range splitList(list) {
		lat, cyr, _ := strings.Cut(item, ":")
		lm, lw, ok := strings.Cut(lat, "/")
		if !ok {
			lw = lm
		}
		s := surname{men: person{lm, mailStem(lm)}, women: person{lw, mailStem(lw)}}
		latin = append(latin, s)
		c := surname{}
		if cyr != "" {
			cm, cw, ok := strings.Cut(cyr, "/")
			if !ok {
				cw = cm
			}
			c = surname{men: person{cm, s.men.mail}, women: person{cw, s.women.mail}}
		}
		cyrillic = append(cyrillic, c)
	}
	return latin, cyrillic
}

func splitList(list string) []string {
	var out []string
	for _, item := range strings.Split(list, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// asciiSpecial spells the letters that Unicode decomposition leaves alone.
var asciiSpecial = map[rune]string{
	'ø': "o", 'Ø': "o", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ß': "ss", 'ł': "l", 'Ł': "l",
	'đ': "d", 'Đ': "d", 'ı': "i", 'þ': "th", 'ð': "d",
}

// asciiFold writes s in lower-case ASCII letters and digits, keeping hyphens between words of a
// compound and dropping spaces and apostrophes: "Jean-Baptiste" → "jean-baptiste", "Le Gall" →
// "legall", "Nguyễn" → "nguyen", "Øvergaard" → "overgaard", "N'Diaye" → "ndiaye".
func asciiFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(unicode.ToLower(r))
		case r == '-':
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		default:
			if sp, ok := asciiSpecial[r]; ok {
				b.WriteString(sp)
			}
		}
	}
	return strings.Trim(b.String(), "-")
}

// mailStem is the part of an e-mail address a name gives.
func mailStem(name string) string { return asciiFold(name) }
