#!/bin/sh
# Regenerates the spreadsheet fixtures of ../ from the CSV sources of this folder with
# LibreOffice Calc (apt-get install --no-install-recommends libreoffice-calc-nogui).
# CSV import options: 59 = ";" separator, 34 = '"' text delimiter, 76 = UTF-8, 1 = start at
# line 1, (empty) = standard cell formats, 1036/1033 = French/English locale (dd/mm/yyyy dates
# become date cells), false = quoted fields are not forced to text, true = detect special
# numbers (dates), then false/false/false/-1, and true = evaluate formulas (=2*5).
set -eu
cd "$(dirname "$0")"
out=$(mktemp -d)
fr='CSV:59,34,76,1,,1036,false,true,false,false,false,-1,true'
en='CSV:59,34,76,1,,1033,false,true,false,false,false,-1,true'
soffice --headless --infilter="$fr" --convert-to xlsx --outdir "$out" benevoles-fr.csv
soffice --headless --infilter="$fr" --convert-to ods --outdir "$out" benevoles-fr.csv
soffice --headless --infilter="$en" --convert-to xlsx --outdir "$out" volunteers-en.csv
cp "$out/benevoles-fr.xlsx" "$out/benevoles-fr.ods" "$out/volunteers-en.xlsx" ..
rm -r "$out"
