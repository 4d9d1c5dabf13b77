import { describe, expect, it } from 'vitest';
import { apiSurveyListQuery, hasSurveyFilters, newSurveyLocation, surveyListFromQuery, surveyListToQuery, surveyPageCount } from './listQuery';

describe('survey list address', () => {
  it('reads the filters and ignores what is not an ID', () => {
    expect(surveyListFromQuery({ projet: '3', programme: 'abc', page: '2' })).toEqual({ projectId: '3', programId: '', page: 2 });
    expect(surveyListFromQuery({ page: '0' })).toEqual({ projectId: '', programId: '', page: 1 });
  });

  it('writes only what is set, and asks the API for the right page', () => {
    const state = { projectId: '', programId: '5', page: 3 };
    expect(surveyListToQuery(state)).toEqual({ programme: '5', page: '3' });
    expect(surveyListToQuery({ projectId: '', programId: '', page: 1 })).toEqual({});
    expect(apiSurveyListQuery(state)).toEqual({ programId: '5', limit: 20, offset: 40 });
    expect(hasSurveyFilters(state)).toBe(true);
    expect(surveyPageCount(0)).toBe(1);
    expect(surveyPageCount(41)).toBe(3);
  });

  it('prefills a new survey with its project or program', () => {
    expect(newSurveyLocation({ projectId: '3' })).toEqual({ path: '/impact/enquetes/nouvelle', query: { projet: '3' } });
    expect(newSurveyLocation({ programId: '2', projectId: '3' }).query).toEqual({ programme: '2' });
  });
});
