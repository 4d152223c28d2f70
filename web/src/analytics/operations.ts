import { graphql } from "../gql";

/** The analyst dashboard's operations (de-identified data only). */

export const AnalyticsSummaryRowFragment = graphql(`
  fragment AnalyticsSummaryRow on OutcomeSummaryRow {
    key
    label
    n
    meanImprovement
    meanImprovementPercent
    nPercent
    improvedShare
    sessions
    adverseEvents
    adverseEventsPer100Sessions
  }
`);

/** What the filters offer: the sites and serums with data (all time). */
export const AnalyticsOptionsQuery = graphql(`
  query AnalyticsOptions {
    sites: outcomeSummary(groupBy: SITE) {
      rows {
        key
        label
      }
    }
    serums: outcomeSummary(groupBy: SERUM) {
      rows {
        key
        label
      }
    }
  }
`);

/** The two charts, each with the filters the counters answer for it (./filters.ts). */
export const AnalyticsOverviewQuery = graphql(`
  query AnalyticsOverview($matrixFilter: OutcomeFilter, $serumFilter: OutcomeFilter) {
    serums: outcomeSummary(groupBy: SERUM, filter: $serumFilter) {
      rows {
        ...AnalyticsSummaryRow
      }
    }
    concernDepthMatrix(filter: $matrixFilter) {
      indication
      depthBand
      summary {
        ...AnalyticsSummaryRow
      }
    }
  }
`);

export const AnalyticsKpisQuery = graphql(`
  query AnalyticsKpis($filter: OutcomeFilter) {
    kpis(filter: $filter) {
      asOf
      graceDays
      plansCounted
      courseCompletion {
        id
        name
        unit
        definition
        numerator
        denominator
        value
        source
        filtersApplied
      }
      rebooking {
        id
        name
        unit
        definition
        numerator
        denominator
        value
        source
        filtersApplied
      }
      adverseEvents {
        id
        name
        unit
        definition
        numerator
        denominator
        value
        source
        filtersApplied
      }
      timeBetweenSessions {
        id
        name
        unit
        definition
        numerator
        denominator
        value
        source
        filtersApplied
        gaps
        meanAbsDeviationDays
        withinGraceShare
      }
    }
  }
`);

export const OutcomeExportQuery = graphql(`
  query OutcomeExport($filter: OutcomeFilter, $after: String, $rows: Int) {
    outcomeExport(filter: $filter, after: $after, rows: $rows) {
      csv
      rows
      endCursor
      hasNextPage
      progress {
        done
        total
      }
    }
  }
`);
