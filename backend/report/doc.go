// Package report writes the documents the app hands out, each to an io.Writer:
//
//   - PDF (gofpdf, DejaVu Sans embedded): the sponsors' impact report (WriteImpactReportPDF),
//     the volunteer's certificate with its verification code (WriteCertificatePDF,
//     CertificateCode), and the printable survey form (WriteSurveyFormPDF);
//   - XLSX (excelize's stream writer, for a million rows without holding them): volunteer lists
//     (WriteVolunteersXLSX, and WriteVolunteersCSV), hours with their totals (WriteHoursXLSX)
//     and survey responses (WriteSurveyResponsesXLSX);
//   - iCalendar for a project's agenda (WriteICS).
//
// Callers gather, sum and translate what a document shows into plain input types; the package
// knows neither the database nor the taxonomy. Only the PDFs' fixed phrases live here, in French
// and English (document_words.go). All PDF drawing goes through pdf_document.go, the only file
// that imports the PDF library, so that moving to its continuation codeberg.org/go-pdf/fpdf is
// one import.
package report
