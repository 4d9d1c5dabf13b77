package taxonomy

// builtinDomains are the skill domains in display order.
var builtinDomains = []Domain{
	{ID: "finance", Name: Label{FR: "Finance et comptabilité", EN: "Finance and accounting"}},
	{ID: "design", Name: Label{FR: "Design", EN: "Design"}},
}

// builtinSkills is the built-in list. IDs are stored in profiles: never rename or reuse one.
var builtinSkills = []Skill{
	{ID: "accounting", Domain: "finance", Name: Label{FR: "Comptabilité", EN: "Accounting"},
		Synonyms: []string{"compta", "comptable", "bookkeeping", "tenue de comptes", "accountant"}},
	{ID: "graphic-design", Domain: "design", Name: Label{FR: "Graphisme", EN: "Graphic design"},
		Synonyms: []string{"graphiste", "graphic designer", "PAO", "infographie", "infographiste"}},
	{ID: "project-management", Domain: "project", Name: Label{FR: "Gestion de projet", EN: "Project management"},
		Synonyms: []string{"chef de projet", "cheffe de projet", "project manager", "conduite de projet"}},
}
