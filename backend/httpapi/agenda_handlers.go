package httpapi

import (
	"bytes"
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/civisphere/civisphere/backend/domain"
	"github.com/civisphere/civisphere/backend/service"
)

// Milestone is a dated step of a project.
type Milestone struct {
	ID        string `json:"id"`
	ProjectID string `json:"projectId"`
	Title     string `json:"title"`
	DueDate   string `json:"dueDate" doc:"YYYY-MM-DD"`
	Done      bool   `json:"done"`
}

// Task is a piece of work, possibly given to a team member.
type Task struct {
	ID         string `json:"id"`
	ProjectID  string `json:"projectId"`
	Title      string `json:"title"`
	AssigneeID string `json:"assigneeId" doc:"A volunteer of the team, or empty"`
	DueDate    string `json:"dueDate" doc:"YYYY-MM-DD or empty"`
	Done       bool   `json:"done"`
}

// TaskInput is a task as entered.
type TaskInput struct {
	Title      string `json:"title" required:"false"`
	AssigneeID string `json:"assigneeId" required:"false"`
	DueDate    string `json:"dueDate" required:"false"`
	Done       bool   `json:"done" required:"false"`
}

// MilestoneList lists milestones.
type MilestoneList struct {
	Total int         `json:"total"`
	Items []Milestone `json:"items" nullable:"false"`
}

// TaskList lists tasks.
type TaskList struct {
	Total int    `json:"total"`
	Items []Task `json:"items" nullable:"false"`
}

// CalendarEntry is a dated milestone or task of the calendar of all projects.
type CalendarEntry struct {
	Kind         string `json:"kind" enum:"milestone,task"`
	ID           string `json:"id"`
	ProjectID    string `json:"projectId"`
	ProjectTitle string `json:"projectTitle"`
	Title        string `json:"title"`
	Date         string `json:"date"`
	Done         bool   `json:"done"`
}

// CalendarEntries lists calendar entries by date.
type CalendarEntries struct {
	Total int             `json:"total"`
	Items []CalendarEntry `json:"items" nullable:"false"`
}

type projectItemPath struct {
	ID     string `path:"id"`
	ItemID string `path:"itemId"`
}

var (
	msgCalendarName   = message{"Agenda Civisphère", "Civisphère agenda"}
	msgCalendarOfName = message{"Agenda — ", "Agenda — "}
	msgMilestone      = message{"[Jalon]", "[Milestone]"}
	msgTask           = message{"[Tâche]", "[Task]"}
	msgDone           = message{"(fait)", "(done)"}
)

func (s *server) registerAgenda(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "listMilestones", Method: http.MethodGet, Path: "/api/projects/{id}/milestones",
		Summary: "A project's milestones, by date", Tags: []string{"agenda"}, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *idPath) (*struct{ Body MilestoneList }, error) {
		agenda, err := s.projectAgenda(ctx, in.ID)
		if err != nil {
			return nil, err
		}
		out := &struct{ Body MilestoneList }{Body: MilestoneList{Total: len(agenda.Milestones), Items: make([]Milestone, len(agenda.Milestones))}}
		for i, m := range agenda.Milestones {
			out.Body.Items[i] = milestoneToAPI(m)
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "createMilestone", Method: http.MethodPost, Path: "/api/projects/{id}/milestones",
		Summary: "Add a milestone", Tags: []string{"agenda"}, DefaultStatus: http.StatusCreated,
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Body MilestoneInput
	}) (*struct{ Body Milestone }, error) {
		return s.saveMilestone(ctx, in.ID, "", in.Body)
	})

	huma.Register(api, huma.Operation{
		OperationID: "updateMilestone", Method: http.MethodPut, Path: "/api/projects/{id}/milestones/{itemId}",
		Summary: "Save a milestone", Tags: []string{"agenda"}, Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ID     string `path:"id"`
		ItemID string `path:"itemId"`
		Body   MilestoneInput
	}) (*struct{ Body Milestone }, error) {
		return s.saveMilestone(ctx, in.ID, in.ItemID, in.Body)
	})

	huma.Register(api, huma.Operation{
		OperationID: "deleteMilestone", Method: http.MethodDelete, Path: "/api/projects/{id}/milestones/{itemId}",
		Summary: "Delete a milestone", Tags: []string{"agenda"}, DefaultStatus: http.StatusNoContent, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *projectItemPath) (*struct{}, error) {
		return s.deleteAgendaItem(ctx, in, s.agenda.DeleteMilestone)
	})

	huma.Register(api, huma.Operation{
		OperationID: "listTasks", Method: http.MethodGet, Path: "/api/projects/{id}/tasks",
		Summary: "A project's tasks, open ones first", Tags: []string{"agenda"}, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *idPath) (*struct{ Body TaskList }, error) {
		agenda, err := s.projectAgenda(ctx, in.ID)
		if err != nil {
			return nil, err
		}
		out := &struct{ Body TaskList }{Body: TaskList{Total: len(agenda.Tasks), Items: make([]Task, len(agenda.Tasks))}}
		for i, t := range agenda.Tasks {
			out.Body.Items[i] = taskToAPI(t)
		}
		return out, nil
	})

	huma.Register(api, huma.Operation{
		OperationID: "createTask", Method: http.MethodPost, Path: "/api/projects/{id}/tasks",
		Summary: "Add a task", Tags: []string{"agenda"}, DefaultStatus: http.StatusCreated,
		Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ID   string `path:"id"`
		Body TaskInput
	}) (*struct{ Body Task }, error) {
		return s.saveTask(ctx, in.ID, "", in.Body)
	})

	huma.Register(api, huma.Operation{
		OperationID: "updateTask", Method: http.MethodPut, Path: "/api/projects/{id}/tasks/{itemId}",
		Summary: "Save a task", Tags: []string{"agenda"}, Errors: []int{http.StatusNotFound, http.StatusUnprocessableEntity},
	}, func(ctx context.Context, in *struct {
		ID     string `path:"id"`
		ItemID string `path:"itemId"`
		Body   TaskInput
	}) (*struct{ Body Task }, error) {
		return s.saveTask(ctx, in.ID, in.ItemID, in.Body)
	})

	huma.Register(api, huma.Operation{
		OperationID: "deleteTask", Method: http.MethodDelete, Path: "/api/projects/{id}/tasks/{itemId}",
		Summary: "Delete a task", Tags: []string{"agenda"}, DefaultStatus: http.StatusNoContent, Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *projectItemPath) (*struct{}, error) {
		return s.deleteAgendaItem(ctx, in, s.agenda.DeleteTask)
	})

	huma.Register(api, huma.Operation{
		OperationID: "getCalendar", Method: http.MethodGet, Path: "/api/calendar",
		Summary: "Dated milestones and tasks of all projects (not cancelled), by date", Tags: []string{"agenda"},
	}, func(ctx context.Context, in *struct {
		ProjectID string `query:"projectId" doc:"Only this project"`
	}) (*struct{ Body CalendarEntries }, error) {
		projectID, err := parseOptionalRef("projectId", in.ProjectID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		entries, err := s.agenda.Calendar(ctx, actorFrom(ctx), projectID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		out := &struct{ Body CalendarEntries }{Body: CalendarEntries{Total: len(entries), Items: make([]CalendarEntry, len(entries))}}
		for i, e := range entries {
			out.Body.Items[i] = CalendarEntry{Kind: e.Kind, ID: formatID(e.ID), ProjectID: formatID(e.ProjectID),
				ProjectTitle: e.ProjectTitle, Title: e.Title, Date: e.Date, Done: e.Done}
		}
		return out, nil
	})

	icsResponse := map[string]*huma.Response{"200": {Description: "An iCalendar file", Content: map[string]*huma.MediaType{
		"text/calendar": {Schema: &huma.Schema{Type: "string"}}}}}
	huma.Register(api, huma.Operation{
		OperationID: "getCalendarICS", Method: http.MethodGet, Path: "/api/calendar.ics",
		Summary: "The agenda of all projects as iCalendar", Tags: []string{"agenda"}, Responses: icsResponse,
	}, func(ctx context.Context, _ *struct{}) (*huma.StreamResponse, error) {
		return s.calendarICS(ctx, 0, msgCalendarName.in(localeFrom(ctx)), "agenda.ics")
	})

	huma.Register(api, huma.Operation{
		OperationID: "getProjectCalendarICS", Method: http.MethodGet, Path: "/api/projects/{id}/calendar.ics",
		Summary: "A project's agenda as iCalendar", Tags: []string{"agenda"}, Responses: icsResponse,
		Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *idPath) (*huma.StreamResponse, error) {
		id, err := parseID(in.ID)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		project, err := s.projects.Get(ctx, actorFrom(ctx), id)
		if err != nil {
			return nil, s.problemFor(ctx, err)
		}
		return s.calendarICS(ctx, id, msgCalendarOfName.in(localeFrom(ctx))+project.Title, "agenda-projet-"+in.ID+".ics")
	})
}

// calendarICS renders the calendar before answering, so that a failure is a problem document
// rather than a cut file.
func (s *server) calendarICS(ctx context.Context, projectID int64, name, fileName string) (*huma.StreamResponse, error) {
	l := localeFrom(ctx)
	var buf bytes.Buffer
	err := s.agenda.WriteICS(ctx, actorFrom(ctx), projectID, service.CalendarLabels{
		Name: name, Milestone: msgMilestone.in(l), Task: msgTask.in(l), Done: msgDone.in(l)}, &buf)
	if err != nil {
		return nil, s.problemFor(ctx, err)
	}
	return &huma.StreamResponse{Body: func(hctx huma.Context) {
		hctx.SetHeader("Content-Type", "text/calendar; charset=utf-8")
		hctx.SetHeader("Content-Disposition", contentDisposition(fileName))
		hctx.SetHeader("Cache-Control", "no-store")
		hctx.BodyWriter().Write(buf.Bytes()) //nolint:errcheck // the client went away
	}}, nil
}

func (s *server) projectAgenda(ctx context.Context, rawID string) (service.ProjectAgenda, error) {
	id, err := parseID(rawID)
	if err != nil {
		return service.ProjectAgenda{}, s.problemFor(ctx, err)
	}
	agenda, err := s.agenda.Of(ctx, actorFrom(ctx), id)
	if err != nil {
		return service.ProjectAgenda{}, s.problemFor(ctx, err)
	}
	return agenda, nil
}

func (s *server) saveMilestone(ctx context.Context, rawProject, rawItem string, in MilestoneInput) (*struct{ Body Milestone }, error) {
	projectID, err := parseID(rawProject)
	var itemID int64
	if err == nil && rawItem != "" {
		itemID, err = parseID(rawItem)
	}
	if err != nil {
		return nil, s.problemFor(ctx, err)
	}
	m, err := s.agenda.SaveMilestone(ctx, actorFrom(ctx), domain.Milestone{ID: itemID, ProjectID: projectID,
		Title: in.Title, DueDate: in.DueDate, Done: in.Done})
	if err != nil {
		return nil, s.problemFor(ctx, err)
	}
	return &struct{ Body Milestone }{Body: milestoneToAPI(m)}, nil
}

func (s *server) saveTask(ctx context.Context, rawProject, rawItem string, in TaskInput) (*struct{ Body Task }, error) {
	projectID, err := parseID(rawProject)
	var itemID int64
	if err == nil && rawItem != "" {
		itemID, err = parseID(rawItem)
	}
	if err != nil {
		return nil, s.problemFor(ctx, err)
	}
	assignee, err := parseOptionalRef("assigneeId", in.AssigneeID)
	if err != nil {
		return nil, s.problemFor(ctx, err)
	}
	t, err := s.agenda.SaveTask(ctx, actorFrom(ctx), domain.Task{ID: itemID, ProjectID: projectID, Title: in.Title,
		AssigneeID: assignee, DueDate: in.DueDate, Done: in.Done})
	if err != nil {
		return nil, s.problemFor(ctx, err)
	}
	return &struct{ Body Task }{Body: taskToAPI(t)}, nil
}

func (s *server) deleteAgendaItem(ctx context.Context, in *projectItemPath, del func(context.Context, domain.Actor, int64, int64) error) (*struct{}, error) {
	projectID, err := parseID(in.ID)
	var itemID int64
	if err == nil {
		itemID, err = parseID(in.ItemID)
	}
	if err == nil {
		err = del(ctx, actorFrom(ctx), projectID, itemID)
	}
	if err != nil {
		return nil, s.problemFor(ctx, err)
	}
	return &struct{}{}, nil
}

func milestoneToAPI(m domain.Milestone) Milestone {
	return Milestone{ID: formatID(m.ID), ProjectID: formatID(m.ProjectID), Title: m.Title, DueDate: m.DueDate, Done: m.Done}
}

func taskToAPI(t domain.Task) Task {
	return Task{ID: formatID(t.ID), ProjectID: formatID(t.ProjectID), Title: t.Title, AssigneeID: formatID(t.AssigneeID),
		DueDate: t.DueDate, Done: t.Done}
}
