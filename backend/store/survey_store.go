package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/civisphere/civisphere/backend/domain"
)

// questionRow is a survey question as stored in surveys.questions; its JSON names are the stored
// format, independent of the domain's field names.
type questionRow struct {
	Kind    string   `json:"kind"`
	Text    string   `json:"text"`
	Min     *float64 `json:"min,omitempty"`
	Max     *float64 `json:"max,omitempty"`
	Choices []string `json:"choices,omitempty"`
}

// answerRow is one answer as stored in survey_responses.answers: a number, choice indexes or a
// text; all left out for a question not answered.
type answerRow struct {
	Number  *float64 `json:"n,omitempty"`
	Choices []int    `json:"c,omitempty"`
	Text    string   `json:"t,omitempty"`
}

const surveyColumns = `id, title, project_id, program_id, audience, questions, created_at, updated_at`

// CreateSurvey inserts a validated survey and sets its ID.
func (s *Store) CreateSurvey(ctx context.Context, sv *domain.Survey) error {
	questions, err := encodeQuestions(sv.Questions)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO surveys (title, project_id, program_id, audience, questions,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			sv.Title, nullID(sv.ProjectID), nullID(sv.ProgramID), string(sv.Audience), questions,
			formatTime(sv.CreatedAt), formatTime(sv.UpdatedAt))
		if err != nil {
			return fmt.Errorf("insert survey: %w", err)
		}
		if sv.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("insert survey: %w", err)
		}
		return nil
	})
}

// UpdateSurvey replaces a survey's fields; when it was created is kept. check is called inside
// the transaction with the survey as stored and its number of responses, so that a rule such as
// "questions are frozen once answered" cannot be beaten by a response saved meanwhile; an error
// from check cancels the update and is returned as it is.
func (s *Store) UpdateSurvey(ctx context.Context, sv domain.Survey, check func(current domain.Survey, responses int) error) error {
	questions, err := encodeQuestions(sv.Questions)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		current, err := surveyIn(ctx, tx, sv.ID)
		if err != nil {
			return err
		}
		var responses int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM survey_responses WHERE survey_id = ?`, sv.ID).Scan(&responses); err != nil {
			return fmt.Errorf("count responses of survey %d: %w", sv.ID, err)
		}
		if err := check(current, responses); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE surveys SET title = ?, project_id = ?, program_id = ?, audience = ?,
			questions = ?, updated_at = ? WHERE id = ?`, sv.Title, nullID(sv.ProjectID), nullID(sv.ProgramID),
			string(sv.Audience), questions, formatTime(sv.UpdatedAt), sv.ID); err != nil {
			return fmt.Errorf("update survey %d: %w", sv.ID, err)
		}
		return nil
	})
}

// DeleteSurvey deletes a survey with its responses, or returns domain.ErrNotFound.
func (s *Store) DeleteSurvey(ctx context.Context, id int64) error {
	return s.execOne(ctx, "delete survey", `DELETE FROM surveys WHERE id = ?`, id)
}

// Survey returns one survey, or domain.ErrNotFound.
func (s *Store) Survey(ctx context.Context, id int64) (domain.Survey, error) {
	list, _, err := s.Surveys(ctx, SurveyFilter{IDs: []int64{id}})
	if err != nil {
		return domain.Survey{}, err
	}
	if len(list) == 0 {
		return domain.Survey{}, domain.ErrNotFound
	}
	return list[0], nil
}

// SurveyFilter narrows the list of surveys; zero fields do not filter. ProjectIDs and ProgramID
// together give the surveys of either.
type SurveyFilter struct {
	IDs        []int64
	ProjectIDs []int64
	ProgramID  int64
	Limit      int // 0 for no limit
	Offset     int
}

// Surveys lists surveys, newest first, with the total before paging.
func (s *Store) Surveys(ctx context.Context, f SurveyFilter) ([]domain.Survey, int, error) {
	where, args := []string{"1 = 1"}, []any{}
	if len(f.IDs) > 0 {
		where = append(where, "id IN ("+placeholders(len(f.IDs))+")")
		for _, id := range f.IDs {
			args = append(args, id)
		}
	}
	var of []string
	if len(f.ProjectIDs) > 0 {
		of = append(of, "project_id IN ("+placeholders(len(f.ProjectIDs))+")")
		for _, id := range f.ProjectIDs {
			args = append(args, id)
		}
	}
	if f.ProgramID != 0 {
		of = append(of, "program_id = ?")
		args = append(args, f.ProgramID)
	}
	if len(of) > 0 {
		where = append(where, "("+strings.Join(of, " OR ")+")")
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM surveys WHERE `+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count surveys: %w", err)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT `+surveyColumns+` FROM surveys WHERE `+cond+
		` ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`, append(args, limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("list surveys: %w", err)
	}
	defer rows.Close()
	list := []domain.Survey{}
	for rows.Next() {
		sv, err := scanSurvey(rows)
		if err != nil {
			return nil, 0, err
		}
		list = append(list, sv)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("list surveys: %w", err)
	}
	return list, total, nil
}

// SurveysOfProjects returns the surveys of the given projects, newest first: what an impact
// report on those projects draws on.
func (s *Store) SurveysOfProjects(ctx context.Context, projectIDs []int64) ([]domain.Survey, error) {
	if len(projectIDs) == 0 {
		return []domain.Survey{}, nil
	}
	list, _, err := s.Surveys(ctx, SurveyFilter{ProjectIDs: projectIDs})
	return list, err
}

// SurveysOfProgram returns the surveys made for a program itself, newest first; the surveys of
// the program's projects are theirs (see SurveysOfProjects).
func (s *Store) SurveysOfProgram(ctx context.Context, programID int64) ([]domain.Survey, error) {
	if programID == 0 {
		return []domain.Survey{}, nil
	}
	list, _, err := s.Surveys(ctx, SurveyFilter{ProgramID: programID})
	return list, err
}

// SurveyResponseCounts returns how many responses each of the given surveys has; surveys
// without any are left out.
func (s *Store) SurveyResponseCounts(ctx context.Context, ids []int64) (map[int64]int, error) {
	counts := make(map[int64]int, len(ids))
	if len(ids) == 0 {
		return counts, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT survey_id, count(*) FROM survey_responses
		WHERE survey_id IN (`+placeholders(len(ids))+`) GROUP BY survey_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("count survey responses: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("count survey responses: %w", err)
		}
		counts[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("count survey responses: %w", err)
	}
	return counts, nil
}

func surveyIn(ctx context.Context, tx *sql.Tx, id int64) (domain.Survey, error) {
	sv, err := scanSurvey(tx.QueryRowContext(ctx, `SELECT `+surveyColumns+` FROM surveys WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return sv, domain.ErrNotFound
	}
	return sv, err
}

func scanSurvey(row rowScanner) (domain.Survey, error) {
	var (
		sv                                    domain.Survey
		project, program                      sql.NullInt64
		audience, questions, created, updated string
	)
	if err := row.Scan(&sv.ID, &sv.Title, &project, &program, &audience, &questions, &created, &updated); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return sv, err
		}
		return sv, fmt.Errorf("read survey: %w", err)
	}
	sv.ProjectID, sv.ProgramID, sv.Audience = project.Int64, program.Int64, domain.SurveyAudience(audience)
	var rows []questionRow
	if err := json.Unmarshal([]byte(questions), &rows); err != nil {
		return sv, fmt.Errorf("read questions of survey %d: %w", sv.ID, err)
	}
	sv.Questions = make([]domain.SurveyQuestion, len(rows))
	for i, q := range rows {
		sv.Questions[i] = domain.SurveyQuestion{Kind: domain.QuestionKind(q.Kind), Text: q.Text, Min: q.Min, Max: q.Max, Choices: q.Choices}
	}
	var err error
	if sv.CreatedAt, err = parseTime(created); err != nil {
		return sv, fmt.Errorf("read survey %d: created_at: %w", sv.ID, err)
	}
	if sv.UpdatedAt, err = parseTime(updated); err != nil {
		return sv, fmt.Errorf("read survey %d: updated_at: %w", sv.ID, err)
	}
	return sv, nil
}

func encodeQuestions(questions []domain.SurveyQuestion) (string, error) {
	rows := make([]questionRow, len(questions))
	for i, q := range questions {
		rows[i] = questionRow{Kind: string(q.Kind), Text: q.Text, Min: q.Min, Max: q.Max, Choices: q.Choices}
	}
	b, err := json.Marshal(rows)
	if err != nil {
		return "", fmt.Errorf("encode survey questions: %w", err)
	}
	return string(b), nil
}

// Responses -----------------------------------------------------------------------------------

// CreateSurveyResponse inserts a response and sets its ID. check is called inside the
// transaction with the survey as stored (domain.ErrNotFound when it is gone), so that answers
// are checked against the very questions they are saved with; it may fill r (its answers read
// from the survey's questions). An error from check cancels the insert and is returned as it
// is. It returns the response's number within its survey: 1 for the first.
func (s *Store) CreateSurveyResponse(ctx context.Context, r *domain.SurveyResponse, check func(domain.Survey) error) (int, error) {
	var number int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		sv, err := surveyIn(ctx, tx, r.SurveyID)
		if err != nil {
			return err
		}
		if err := check(sv); err != nil {
			return err
		}
		answers, err := encodeAnswers(r.Answers)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO survey_responses (survey_id, volunteer_id, source, answers, created_at)
			VALUES (?, ?, ?, ?, ?)`, r.SurveyID, nullID(r.VolunteerID), string(r.Source), answers, formatTime(r.CreatedAt))
		if err != nil {
			return fmt.Errorf("insert response to survey %d: %w", r.SurveyID, err)
		}
		if r.ID, err = res.LastInsertId(); err != nil {
			return fmt.Errorf("insert response to survey %d: %w", r.SurveyID, err)
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM survey_responses WHERE survey_id = ? AND id <= ?`,
			r.SurveyID, r.ID).Scan(&number); err != nil {
			return fmt.Errorf("number response to survey %d: %w", r.SurveyID, err)
		}
		return nil
	})
	if err != nil {
		r.ID = 0
		return 0, err
	}
	return number, nil
}

// DeleteSurveyResponse deletes one response of a survey, or returns domain.ErrNotFound.
func (s *Store) DeleteSurveyResponse(ctx context.Context, surveyID, id int64) error {
	return s.execOne(ctx, "delete survey response", `DELETE FROM survey_responses WHERE id = ? AND survey_id = ?`, id, surveyID)
}

// SurveyResponses returns every response to a survey, newest first. Surveys are small (a few
// hundred paper forms at most), so a slice will do for results and reports.
func (s *Store) SurveyResponses(ctx context.Context, surveyID int64) ([]domain.SurveyResponse, error) {
	list, _, err := s.SurveyResponsesPage(ctx, surveyID, 0, 0)
	return list, err
}

// SurveyResponsesPage returns a page of a survey's responses, newest first (the order they were
// saved in, reversed), with the total before paging. The response at position i of the page is
// number total-offset-i of the survey.
func (s *Store) SurveyResponsesPage(ctx context.Context, surveyID int64, limit, offset int) ([]domain.SurveyResponse, int, error) {
	var total int
	if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM survey_responses WHERE survey_id = ?`, surveyID).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count responses of survey %d: %w", surveyID, err)
	}
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT id, survey_id, volunteer_id, source, answers, created_at
		FROM survey_responses WHERE survey_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`, surveyID, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("list responses of survey %d: %w", surveyID, err)
	}
	list, err := scanSurveyResponses(rows)
	if err != nil {
		return nil, 0, fmt.Errorf("list responses of survey %d: %w", surveyID, err)
	}
	return list, total, nil
}

// scanSurveyResponses reads rows of id, survey_id, volunteer_id, source, answers, created_at,
// and closes them.
func scanSurveyResponses(rows *sql.Rows) ([]domain.SurveyResponse, error) {
	defer rows.Close()
	list := []domain.SurveyResponse{}
	for rows.Next() {
		var (
			r                        domain.SurveyResponse
			volunteer                sql.NullInt64
			source, answers, created string
		)
		if err := rows.Scan(&r.ID, &r.SurveyID, &volunteer, &source, &answers, &created); err != nil {
			return nil, fmt.Errorf("read survey response: %w", err)
		}
		r.VolunteerID, r.Source = volunteer.Int64, domain.SurveySource(source)
		var stored []answerRow
		if err := json.Unmarshal([]byte(answers), &stored); err != nil {
			return nil, fmt.Errorf("read answers of survey response %d: %w", r.ID, err)
		}
		r.Answers = make([]domain.SurveyAnswer, len(stored))
		for i, a := range stored {
			r.Answers[i] = domain.SurveyAnswer{Number: a.Number, Choices: a.Choices, Text: a.Text}
		}
		var err error
		if r.CreatedAt, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("read survey response %d: created_at: %w", r.ID, err)
		}
		list = append(list, r)
	}
	return list, rows.Err()
}

func encodeAnswers(answers []domain.SurveyAnswer) (string, error) {
	rows := make([]answerRow, len(answers))
	for i, a := range answers {
		rows[i] = answerRow{Number: a.Number, Choices: a.Choices, Text: a.Text}
	}
	b, err := json.Marshal(rows)
	if err != nil {
		return "", fmt.Errorf("encode survey answers: %w", err)
	}
	return string(b), nil
}
