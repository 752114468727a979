using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Results;

namespace GenreOrleans.Analysis.Pipeline;

/// <summary>
/// The genre-over-time strip: each window stands for the time from its start to the next
/// window's start (the last one to the end of the track); neighbouring windows with the same
/// top genre merge into one segment whose probability is that genre's mean over them.
/// </summary>
public static class TimelineBuilder
{
    public static IReadOnlyList<TimelineSegment> Build(
        WindowScores scores, IReadOnlyList<int> starts, WindowParameters window, double durationSeconds, LabelMap labels)
    {
        var segments = new List<TimelineSegment>();
        var genres = scores.GenreCount;
        int runGenre = -1, runLength = 0;
        double runStart = 0, runSum = 0;
        for (var w = 0; w < scores.WindowCount; w++)
        {
            var row = scores.Genres.AsSpan(w * genres, genres);
            var top = 0;
            for (var g = 1; g < genres; g++)
            {
                if (row[g] > row[top])
                    top = g;
            }
            var start = Math.Min(durationSeconds, starts[w] * window.SecondsPerFrame);
            if (top != runGenre && runGenre >= 0)
            {
                segments.Add(Segment(runStart, start, runGenre, runSum / runLength, labels));
                runLength = 0;
                runSum = 0;
            }
            if (runLength == 0)
            {
                runGenre = top;
                runStart = start;
            }
            runLength++;
            runSum += row[top];
        }
        if (runGenre >= 0)
            segments.Add(Segment(runStart, durationSeconds, runGenre, runSum / runLength, labels));
        return segments;
    }

    private static TimelineSegment Segment(double start, double end, int genre, double probability, LabelMap labels)
    {
        var label = labels.Genres[genre];
        return new TimelineSegment(start, end, label.Slug, label.Title, label.Family, probability);
    }
}
