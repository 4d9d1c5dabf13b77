#!/usr/bin/env python3
# Writes the CSV/TSV fixtures of ../ byte for byte (the Windows-1252 one cannot be typed in a UTF-8 editor).
import os
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
bom = ("Association Les Jardins de Besançon – bénévoles\r\n"
 "\r\n"
 "Nom;Prénom;E-mail;Portable;CP;Commune;Savoir-faire;Disponibilité;Langues parlées;Membre depuis;Commentaires\r\n"
 "Lefèvre;François;f.lefevre@example.fr;06 12 34 56 78;25000;Besançon;\"Comptabilité : confirmé; Gestion de projet\";\"mercredi soir\r\nsamedi matin\";Français;01/02/2021;\"Vient à vélo; très motivé\"\r\n"
 "Garçon;Zoé;zoe.garcon@example.fr;+33 7 12 34 56 78;7500;Tournon-sur-Rhône;\"Graphisme (expert)\r\nPhotographie\";week-end;Français, anglais;3/4/22;\r\n"
 "\r\n"
 "Lœuillet;Amélie;amelie.loeuillet@example.fr;0712345679;42100;Saint-Étienne;Rédaction;10h/mois, à distance;Français;2024-06-30;\r\n")
open('benevoles-utf8-bom.csv','wb').write(b'\xef\xbb\xbf'+bom.encode('utf-8'))

w1252 = ("Nom;Prénom;Courriel;Téléphone;Code postal;Ville;Compétences;Niveau;Remarques\r\n"
 "Lefèvre;Hélène;helene.lefevre@example.fr;06.12.34.56.78;25000;Besançon;Comptabilité, Trésorerie;Confirmé;Très disponible en été\r\n"
 "Cœurdevey;François;francois.coeurdevey@example.fr;0612345679;42000;Saint-Étienne;Rédaction - expert;;Œuvre sociale, garçon de café à la retraite\r\n"
 "Bœuf;Gérard;gerard.boeuf@example.fr;0612345680;74000;Annecy;Menuiserie / Électricité;Débutant;\r\n")
open('benevoles-windows1252.csv','wb').write(w1252.encode('cp1252'))

comma = ("First name,Last name,E-mail,Mobile,ZIP,Town,Skills,Level,Availability,Languages,Causes,Date joined,Comments\n"
 "Emma,Johnson,emma.johnson@example.com,+44 7700 900123,SW1A 1AA,London,\"Accounting, Bookkeeping (expert)\",,\"Tuesday and Thursday evenings, remote\",English,Health,2024-03-15,\"Prefers short missions, \"\"pro bono\"\" only\"\n"
 "Noah,Martin,noah.martin@example.fr,0612345678,69003,Lyon,Web development | SEO,Confirmed,weekends; on site,\"French, English\",Education,15/09/2023,\n"
 ",,,,,,,,,,,,\n"
 "Ava,Dubois,ava.dubois@example.fr,612345679,1000,Bourg-en-Bresse,Translation: beginner,,\"4h per week\",French,Environment,01/02/2025,\n")
open('volunteers-comma.csv','wb').write(comma.encode('utf-8'))

tsv = ("Nom complet\tCourriel\tTéléphone\tVille\tCode postal\tCompétences\tDisponibilités\tInscrit le\n"
 "MARTIN Élodie\telodie.martin@example.fr\t06 12 34 56 78\tBesançon\t25000\tComptabilité (expert)\tlundi\t15/03/2024\n"
 "Marie de Lattre\tmarie.delattre@example.fr\t0612345679\tParis\t75011\tGraphisme\tjeudi soir\t01.09.2023\n"
 "Nguyễn Văn An\tan.nguyen@example.com\t0612345680\tSaint-Étienne\t42000\tTraduction\tdistanciel\t2-1-2025\n"
 "Jean DE LA FONTAINE\tjean@example.fr\t0612345681\tChâteau-Thierry\t02400\tRédaction\t\t05-05-2025\n")
open('benevoles-tab.tsv','wb').write(tsv.encode('utf-8'))
