package httpapi

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
)

type indexStateOutput struct {
	Body IndexState
}

func (s *server) registerSearchIndex(api huma.API) {
	huma.Register(api, huma.Operation{
		OperationID: "getSearchIndex",
		Method:      http.MethodGet,
		Path:        "/api/search/index",
		Summary:     "State of the search index",
		Description: "While the index is rebuilt (after it was lost, damaged or built by another version), searches, exports and matching read the database instead (complete, without typo tolerance); this shows the progress.",
		Tags:        []string{"search"},
	}, func(ctx context.Context, _ *struct{}) (*indexStateOutput, error) {
		st := s.volunteers.IndexStatus()
		return &indexStateOutput{Body: IndexState{State: st.State, Done: st.Done, Total: st.Total}}, nil
	})

	huma.Register(api, huma.Operation{
		OperationID:   "rebuildSearchIndex",
		Method:        http.MethodPost,
		Path:          "/api/search/index/rebuild",
		Summary:       "Rebuild the search index from the database",
		Tags:          []string{"search"},
		DefaultStatus: http.StatusAccepted,
		Errors:        []int{http.StatusForbidden},
	}, func(ctx context.Context, _ *struct{}) (*indexStateOutput, error) {
		if err := s.volunteers.RebuildIndex(actorFrom(ctx)); err != nil {
			return nil, s.problemFor(ctx, err)
		}
		st := s.volunteers.IndexStatus()
		return &indexStateOutput{Body: IndexState{State: st.State, Done: st.Done, Total: st.Total}}, nil
	})
}
