package diagnostic

import "github.com/civisphere/civisphere/backend/domain"

func skills(list ...TemplateSkill) []TemplateSkill { return list }

func need(id string, level domain.SkillLevel, people int) TemplateSkill {
	return TemplateSkill{SkillID: id, Level: level, People: people}
}

func step(week int, fr, en string) TemplateMilestone {
	return TemplateMilestone{Week: week, Title: L{FR: fr, EN: en}}
}

const (
	intermediate = domain.LevelIntermediate
	confirmed    = domain.LevelConfirmed
	expert       = domain.LevelExpert
)

// templates are two per area, in the areas' order; within an area, the more basic first. IDs
// are stored with the projects made from them: never rename one.
var templates = []Template{
	// Finance
	{ID: "finance-bookkeeping", Area: "finance", Addresses: []string{"finance-bookkeeping"},
		Title: L{FR: "Mettre en place une comptabilité simple et à jour", EN: "Set up simple, up-to-date bookkeeping"},
		Description: L{FR: "Un ou deux bénévoles comptables font le point sur les pièces et les comptes, choisissent avec le trésorier un plan comptable et un outil adaptés à la taille de l’association, rattrapent la saisie en retard, puis forment le trésorier à la tenue mensuelle.",
			EN: "One or two volunteer accountants review the records and accounts, choose with the treasurer a chart of accounts and a tool suited to the association's size, catch up on late entries, then train the treasurer to keep the books every month."},
		Skills:        skills(need("accounting", confirmed, 1), need("financial-reporting", intermediate, 1)),
		DurationWeeks: 12, Mode: domain.ModeEither,
		Milestones: []TemplateMilestone{
			step(1, "État des lieux des pièces et des comptes", "Review of records and accounts"),
			step(4, "Plan comptable et outil choisis", "Chart of accounts and tool chosen"),
			step(8, "Comptes de l’année rattrapés", "This year's accounts caught up"),
			step(12, "Trésorier formé à la saisie mensuelle", "Treasurer trained in monthly bookkeeping"),
		}},
	{ID: "finance-budget-cash", Area: "finance", Addresses: []string{"finance-budget", "finance-cash"},
		Title: L{FR: "Construire le budget prévisionnel et le plan de trésorerie", EN: "Build the yearly budget and the cash plan"},
		Description: L{FR: "Avec le bureau, recenser les charges et les produits de l’année, bâtir un budget prévisionnel présentable aux financeurs et un plan de trésorerie sur douze mois, puis un tableau de suivi simple à mettre à jour chaque trimestre.",
			EN: "With the board, list the year's costs and income, build a budget fit to show funders and a twelve-month cash plan, then a simple tracking sheet to update every quarter."},
		Skills:        skills(need("budgeting", confirmed, 1), need("cash-management", intermediate, 1)),
		DurationWeeks: 8, Mode: domain.ModeEither,
		Milestones: []TemplateMilestone{
			step(2, "Charges et produits de l’année recensés", "The year's costs and income listed"),
			step(4, "Budget prévisionnel présenté au bureau", "Budget presented to the board"),
			step(6, "Plan de trésorerie sur douze mois", "Twelve-month cash plan"),
			step(8, "Tableau de suivi trimestriel en place", "Quarterly tracking sheet in use"),
		}},

	// Communication
	{ID: "communication-plan", Area: "communication", Addresses: []string{"communication-message", "communication-channels"},
		Title: L{FR: "Définir le message et le plan de communication", EN: "Define the message and the communication plan"},
		Description: L{FR: "Des bénévoles en communication aident l’équipe à choisir ses publics prioritaires, à écrire un message clé commun, puis à bâtir un calendrier éditorial réaliste pour six mois, et forment les bénévoles qui l’animeront.",
			EN: "Communication volunteers help the team pick its priority audiences and write one shared key message, then build a realistic six-month content calendar and train the volunteers who will run it."},
		Skills:        skills(need("communication-strategy", confirmed, 1), need("social-media", intermediate, 1), need("copywriting", intermediate, 1)),
		DurationWeeks: 10, Mode: domain.ModeEither,
		Milestones: []TemplateMilestone{
			step(2, "Publics et objectifs définis", "Audiences and goals defined"),
			step(4, "Message clé rédigé et validé", "Key message written and approved"),
			step(7, "Calendrier éditorial sur six mois", "Six-month content calendar"),
			step(10, "Équipe formée aux réseaux sociaux", "Team trained in social media"),
		}},
	{ID: "communication-identity", Area: "communication", Addresses: []string{"communication-materials"},
		Title: L{FR: "Rafraîchir l’identité visuelle et les supports", EN: "Refresh the visual identity and materials"},
		Description: L{FR: "Un graphiste bénévole fait l’inventaire des supports existants, propose un logo et une charte graphique simples, puis livre une plaquette et des modèles d’affiches que l’équipe pourra modifier seule.",
			EN: "A volunteer designer takes stock of the existing materials, proposes a simple logo and style guide, then delivers a leaflet and poster templates the team can edit on its own."},
		Skills:        skills(need("graphic-design", confirmed, 1), need("visual-identity", confirmed, 1)),
		DurationWeeks: 8, Mode: domain.ModeRemote,
		Milestones: []TemplateMilestone{
			step(2, "Inventaire des supports existants", "Existing materials reviewed"),
			step(5, "Logo et charte graphique validés", "Logo and style guide approved"),
			step(8, "Plaquette et modèles d’affiches livrés", "Leaflet and poster templates delivered"),
		}},

	// Digital
	{ID: "digital-tools", Area: "digital", Addresses: []string{"digital-tools", "digital-skills"},
		Title: L{FR: "Organiser des outils partagés et les sauvegardes", EN: "Organise shared tools and backups"},
		Description: L{FR: "Des bénévoles du numérique recensent les fichiers et les outils, proposent des outils partagés simples (fichier des membres, documents, agenda), mettent en place une sauvegarde automatique et forment l’équipe aux bons réflexes de sécurité.",
			EN: "Digital volunteers take stock of files and tools, propose simple shared tools (member list, documents, calendar), set up automatic backups and train the team in good security habits."},
		Skills:        skills(need("collaboration-tools", confirmed, 1), need("it-support", intermediate, 1), need("cybersecurity", intermediate, 1)),
		DurationWeeks: 8, Mode: domain.ModeEither,
		Milestones: []TemplateMilestone{
			step(1, "Inventaire des fichiers et des outils", "Files and tools inventoried"),
			step(3, "Outils partagés choisis et installés", "Shared tools chosen and installed"),
			step(5, "Sauvegarde automatique en place", "Automatic backups running"),
			step(8, "Équipe formée : outils, mots de passe, hameçonnage", "Team trained: tools, passwords, phishing"),
		}},
	{ID: "digital-website", Area: "digital", Addresses: []string{"digital-website"},
		Title: L{FR: "Créer ou refaire le site web, avec adhésion et don en ligne", EN: "Build or rebuild the website, with online joining and donations"},
		Description: L{FR: "Une petite équipe définit avec l’association les pages et les contenus, réalise un site simple et accessible, facile à mettre à jour, avec adhésion et don en ligne, puis rend l’équipe autonome.",
			EN: "A small team defines the pages and content with the association, builds a simple, accessible website that is easy to update, with online joining and donations, then makes the team self-sufficient."},
		Skills:        skills(need("website-creation", confirmed, 1), need("ux-design", intermediate, 1), need("digital-accessibility", intermediate, 1)),
		DurationWeeks: 12, Mode: domain.ModeRemote,
		Milestones: []TemplateMilestone{
			step(2, "Pages et contenus définis", "Pages and content defined"),
			step(6, "Maquette validée", "Mock-up approved"),
			step(10, "Site en ligne avec adhésion et don", "Site live with joining and donations"),
			step(12, "Équipe autonome pour les mises à jour", "Team able to update the site"),
		}},

	// People and HR
	{ID: "hr-recruitment", Area: "hr", Addresses: []string{"hr-recruitment", "hr-roles"},
		Title: L{FR: "Structurer le recrutement des bénévoles", EN: "Organise volunteer recruitment"},
		Description: L{FR: "Recenser les besoins en bénévoles, écrire une fiche pour chaque mission (rôle, temps demandé, compétences), publier les annonces sur les bons canaux et organiser les premiers entretiens.",
			EN: "List the association's volunteer needs, write a description for each role (tasks, time asked, skills), post the ads on the right channels and organise the first interviews."},
		Skills:        skills(need("volunteer-management", confirmed, 1), need("recruitment", intermediate, 1)),
		DurationWeeks: 8, Mode: domain.ModeEither,
		Milestones: []TemplateMilestone{
			step(2, "Besoins en bénévoles recensés", "Volunteer needs listed"),
			step(4, "Fiches de mission rédigées", "Role descriptions written"),
			step(6, "Annonces publiées sur trois canaux", "Ads posted on three channels"),
			step(8, "Premiers bénévoles recrutés", "First volunteers recruited"),
		}},
	{ID: "hr-onboarding", Area: "hr", Addresses: []string{"hr-onboarding"},
		Title: L{FR: "Créer le parcours d’accueil et de suivi des bénévoles", EN: "Create a welcome and follow-up path for volunteers"},
		Description: L{FR: "Écrire un livret d’accueil, désigner et former des référents, prévoir une première formation et des points de suivi réguliers, pour que les nouveaux bénévoles se sentent utiles et restent.",
			EN: "Write a welcome handbook, choose and train mentors, plan a first training and regular check-ins, so that new volunteers feel useful and stay."},
		Skills:        skills(need("volunteer-management", confirmed, 1), need("instructional-design", intermediate, 1)),
		DurationWeeks: 6, Mode: domain.ModeEither,
		Milestones: []TemplateMilestone{
			step(2, "Livret d’accueil rédigé", "Welcome handbook written"),
			step(4, "Référents désignés et formés", "Mentors chosen and trained"),
			step(6, "Premier point de suivi avec chaque bénévole", "First check-in with each volunteer"),
		}},

	// Legal
	{ID: "legal-statutes", Area: "legal", Addresses: []string{"legal-statutes", "legal-contracts"},
		Title: L{FR: "Mettre à jour les statuts et vérifier les contrats", EN: "Update the statutes and check the contracts"},
		Description: L{FR: "Un juriste bénévole analyse les statuts, le règlement intérieur, les conventions et les assurances, propose les modifications utiles et accompagne leur adoption par le conseil d’administration et l’assemblée générale.",
			EN: "A volunteer lawyer reviews the statutes, internal rules, agreements and insurance, proposes the useful changes and helps the board and the general meeting adopt them."},
		Skills:        skills(need("nonprofit-law", expert, 1), need("contract-law", confirmed, 1)),
		DurationWeeks: 10, Mode: domain.ModeEither,
		Milestones: []TemplateMilestone{
			step(2, "Statuts, contrats et assurances analysés", "Statutes, contracts and insurance reviewed"),
			step(5, "Projet de statuts rédigé", "Draft statutes written"),
			step(8, "Projet présenté au conseil d’administration", "Draft presented to the board"),
			step(10, "Statuts adoptés en assemblée générale", "Statutes adopted by the general meeting"),
		}},
	{ID: "legal-gdpr", Area: "legal", Addresses: []string{"legal-data"},
		Title: L{FR: "Se mettre en conformité avec le RGPD", EN: "Become GDPR compliant"},
		Description: L{FR: "Recenser les fichiers et les traitements de données personnelles, rédiger le registre, les mentions d’information et les règles d’accès et de conservation, puis sensibiliser l’équipe.",
			EN: "List the files and processing of personal data, write the register, the privacy notices and the access and retention rules, then raise the team's awareness."},
		Skills:        skills(need("data-protection", confirmed, 1), need("information-systems", intermediate, 1)),
		DurationWeeks: 8, Mode: domain.ModeRemote,
		Milestones: []TemplateMilestone{
			step(2, "Fichiers et traitements recensés", "Files and processing listed"),
			step(4, "Registre des traitements rédigé", "Processing register written"),
			step(6, "Mentions d’information et règles d’accès en place", "Privacy notices and access rules in place"),
			step(8, "Équipe sensibilisée", "Team briefed"),
		}},

	// Governance and strategy
	{ID: "governance-strategy", Area: "governance", Addresses: []string{"governance-strategy"},
		Title: L{FR: "Écrire le projet associatif à trois ans", EN: "Write a three-year strategic plan"},
		Description: L{FR: "Un bénévole en stratégie anime avec l’équipe un diagnostic partagé et des ateliers, puis aide à écrire un projet associatif à trois ans : mission, priorités, plan d’action et indicateurs de suivi.",
			EN: "A strategy volunteer runs a shared assessment and workshops with the team, then helps write a three-year plan: mission, priorities, action plan and tracking indicators."},
		Skills:        skills(need("strategic-planning", expert, 1), need("facilitation", confirmed, 1)),
		DurationWeeks: 12, Mode: domain.ModeEither,
		Milestones: []TemplateMilestone{
			step(2, "Diagnostic partagé avec l’équipe", "Assessment shared with the team"),
			step(5, "Atelier de vision", "Vision workshop"),
			step(9, "Plan d’action à trois ans rédigé", "Three-year action plan written"),
			step(12, "Projet présenté en assemblée générale", "Plan presented to the general meeting"),
		}},
	{ID: "governance-board", Area: "governance", Addresses: []string{"governance-board", "governance-succession"},
		Title: L{FR: "Renforcer le conseil d’administration et préparer la relève", EN: "Strengthen the board and prepare succession"},
		Description: L{FR: "Rencontrer les administrateurs, clarifier le rôle des instances et le calendrier des décisions, écrire des fiches de passation pour les fonctions clés et bâtir un plan de relève.",
			EN: "Meet the board members, clarify the role of each body and the decision calendar, write hand-over notes for key roles and build a succession plan."},
		Skills:        skills(need("governance", confirmed, 1), need("coaching", intermediate, 1)),
		DurationWeeks: 10, Mode: domain.ModeEither,
		Milestones: []TemplateMilestone{
			step(2, "Entretiens avec les administrateurs", "Interviews with board members"),
			step(4, "Calendrier et règles de réunion adoptés", "Meeting calendar and rules adopted"),
			step(7, "Fiches de passation des fonctions clés", "Hand-over notes for key roles"),
			step(10, "Plan de relève présenté au conseil", "Succession plan presented to the board"),
		}},

	// Fundraising
	{ID: "fundraising-strategy", Area: "fundraising", Addresses: []string{"fundraising-diversity", "fundraising-donors"},
		Title: L{FR: "Diversifier les ressources : dons et mécénat", EN: "Diversify income: donations and sponsorship"},
		Description: L{FR: "Analyser les ressources actuelles, choisir les pistes les plus prometteuses (dons des particuliers, mécénat d’entreprise, fondations), préparer une campagne d’appel aux dons et un dossier de mécénat.",
			EN: "Analyse current income, pick the most promising avenues (individual giving, corporate sponsorship, foundations), prepare a donation appeal and a sponsorship pack."},
		Skills:        skills(need("fundraising", expert, 1), need("corporate-philanthropy", confirmed, 1), need("individual-giving", intermediate, 1)),
		DurationWeeks: 10, Mode: domain.ModeEither,
		Milestones: []TemplateMilestone{
			step(2, "Analyse des ressources actuelles", "Current income analysed"),
			step(4, "Pistes de financement choisies", "Funding avenues chosen"),
			step(7, "Campagne d’appel aux dons prête", "Donation appeal ready"),
			step(10, "Dossier de mécénat envoyé à cinq entreprises", "Sponsorship pack sent to five companies"),
		}},
	{ID: "fundraising-grants", Area: "fundraising", Addresses: []string{"fundraising-grants"},
		Title: L{FR: "Organiser la veille et les dossiers de subvention", EN: "Organise grant monitoring and applications"},
		Description: L{FR: "Mettre en place une veille des appels à projets, rassembler les pièces justificatives, écrire un dossier type réutilisable, déposer un premier dossier et établir le calendrier annuel des dépôts.",
			EN: "Set up monitoring of calls for proposals, gather the supporting documents, write a reusable template application, submit a first application and draw up the yearly submission calendar."},
		Skills:        skills(need("grant-writing", confirmed, 1), need("public-funding", intermediate, 1)),
		DurationWeeks: 8, Mode: domain.ModeRemote,
		Milestones: []TemplateMilestone{
			step(2, "Veille des appels à projets en place", "Monitoring of calls in place"),
			step(4, "Dossier type et pièces justificatives prêts", "Template application and documents ready"),
			step(6, "Premier dossier déposé", "First application submitted"),
			step(8, "Calendrier annuel des dépôts", "Yearly submission calendar"),
		}},

	// Impact measurement
	{ID: "impact-indicators", Area: "impact", Addresses: []string{"impact-indicators"},
		Title: L{FR: "Définir ses indicateurs d’impact", EN: "Define impact indicators"},
		Description: L{FR: "Avec l’équipe, décrire les changements que l’association veut produire, en tirer quelques indicateurs simples et un tableau de bord, puis faire un premier relevé.",
			EN: "With the team, describe the changes the association wants to bring about, draw a few simple indicators and a dashboard from them, then take a first reading."},
		Skills:        skills(need("impact-measurement", confirmed, 1), need("theory-of-change", confirmed, 1), need("kpis", intermediate, 1)),
		DurationWeeks: 8, Mode: domain.ModeEither,
		Milestones: []TemplateMilestone{
			step(2, "Atelier : quels changements visons-nous ?", "Workshop: which changes do we aim for?"),
			step(4, "Chaîne de l’impact décrite", "Impact pathway described"),
			step(6, "Indicateurs et tableau de bord", "Indicators and dashboard"),
			step(8, "Premier relevé des indicateurs", "First reading of the indicators"),
		}},
	{ID: "impact-survey-report", Area: "impact", Addresses: []string{"impact-feedback", "impact-reporting"},
		Title: L{FR: "Recueillir l’avis des bénéficiaires et publier un rapport d’impact", EN: "Gather beneficiaries' views and publish an impact report"},
		Description: L{FR: "Concevoir un questionnaire court, le faire passer aux bénéficiaires et aux bénévoles, analyser les réponses et publier un rapport d’impact clair, avec chiffres et témoignages.",
			EN: "Design a short survey, run it with beneficiaries and volunteers, analyse the answers and publish a clear impact report with figures and testimonies."},
		Skills:        skills(need("surveys", confirmed, 1), need("data-analysis", intermediate, 1), need("annual-reporting", confirmed, 1)),
		DurationWeeks: 12, Mode: domain.ModeEither,
		Milestones: []TemplateMilestone{
			step(2, "Questionnaire conçu", "Survey designed"),
			step(6, "Réponses recueillies", "Answers collected"),
			step(9, "Résultats analysés", "Results analysed"),
			step(12, "Rapport d’impact publié", "Impact report published"),
		}},
}
