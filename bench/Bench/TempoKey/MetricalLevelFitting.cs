using System.Globalization;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Dsp.Rhythm;

namespace GenreOrleans.Bench.TempoKey;

/// <summary>
/// <c>bench tempokey --fit-levels --audio DIR</c>: fits the beat-level model
/// (<see cref="MetricalLevelModel"/>) on the guide's clips, labelled by their genre's usual tempo
/// range, and on the annotated recordings, labelled by their tempo (at <c>--annotated-weight</c>,
/// default 3); prints cross-validated figures (5 folds by clip for the guide, leave one out for
/// the annotated recordings) against the grid score alone, and the coefficients as C#.
/// </summary>
internal static class MetricalLevelFitting
{
    public static void Run(IReadOnlyList<(AnnotatedRecording Recording, ProductFrontEnd.Features Features)> annotated, string ishkurDir,
        ProductFrontEnd frontEnd, Func<string, float[]> load, double annotatedWeight, double l2)
    {
        // Levels described by the estimator with a neutral model (the grid score decides, as before).
        var describer = new TempoEstimator(new TempoOptions { LevelModel = MetricalLevelModel.GridScoreOnly });
        var guide = new List<(ConditionalLogitFit.Track Track, string Family)>();
        var manifest = Path.Combine(ishkurDir, "manifest.csv");
        foreach (var line in File.ReadLines(manifest).Skip(1))
        {
            var f = AnnotatedRecording.SplitCsv(line);
            if (f.Length < 4 || GenreTempoRanges.For(f[1], f[3]) is not { } range)
                continue;
            var features = frontEnd.Compute(load(Path.Combine(ishkurDir, f[0])));
            var levels = describer.Estimate(features.Onset, features.LowOnset, features.MidOnset).Levels;
            guide.Add((new ConditionalLogitFit.Track(f[0], levels, levels.Select(l => range.Contains(l.Bpm)).ToArray(), 1), f[3]));
        }
        var recordings = annotated.Where(a => a.Recording.TempoBpm is not null).Select(a =>
        {
            var levels = describer.Estimate(a.Features.Onset, a.Features.LowOnset, a.Features.MidOnset).Levels;
            var truth = a.Recording.TempoBpm!.Value;
            return new ConditionalLogitFit.Track(a.Recording.Id, levels, levels.Select(l => TempoKeyScores.TempoExact(l.Bpm, truth)).ToArray(), annotatedWeight);
        }).ToList();
        Console.WriteLine($"fit: {guide.Count} guide clips with a genre range, {recordings.Count} annotated recordings (weight {annotatedWeight}), L2 {l2}");

        static bool Right(ConditionalLogitFit.Track t, int i) => t.Levels.Count > 0 && t.Right[i];
        // Guide: 5 folds by clip (fixed seed); the annotated recordings train every fold.
        var random = new Random(20261126);
        var fold = guide.Select(_ => random.Next(5)).ToArray();
        var guideModel = new int[guide.Count];
        for (var k = 0; k < 5; k++)
        {
            var model = ConditionalLogitFit.Fit(guide.Where((_, i) => fold[i] != k).Select(g => g.Track).Concat(recordings).ToList(), l2);
            for (var i = 0; i < guide.Count; i++)
                if (fold[i] == k && guide[i].Track.Levels.Count > 0)
                    guideModel[i] = ConditionalLogitFit.Choose(model, guide[i].Track.Levels);
        }
        foreach (var family in guide.Select(g => g.Family).Distinct().Order(StringComparer.Ordinal).Append("all"))
        {
            var members = Enumerable.Range(0, guide.Count).Where(i => family == "all" || guide[i].Family == family).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"   guide {family,-10} in the genre's range: grid score {members.Count(i => Right(guide[i].Track, 0)),4}/{members.Count,-4} " +
                $"level model {members.Count(i => Right(guide[i].Track, guideModel[i])),4}/{members.Count,-4} " +
                $"any level {members.Count(i => guide[i].Track.Right.Any(r => r)),4}/{members.Count}"));
        }
        // Annotated: leave one out.
        int grid = 0, chosen = 0, any = 0;
        foreach (var (track, i) in recordings.Select((t, i) => (t, i)))
        {
            var model = ConditionalLogitFit.Fit(guide.Select(g => g.Track).Concat(recordings.Where((_, j) => j != i)).ToList(), l2);
            var pick = track.Levels.Count > 0 ? ConditionalLogitFit.Choose(model, track.Levels) : 0;
            grid += Right(track, 0) ? 1 : 0;
            chosen += Right(track, pick) ? 1 : 0;
            any += track.Right.Any(r => r) ? 1 : 0;
            if (Right(track, 0) != Right(track, pick))
                Console.WriteLine($"   {track.Id,-24} {track.Levels[0].Bpm,6:F1} -> {track.Levels[pick].Bpm,6:F1} ({(Right(track, pick) ? "now right" : "now wrong")})");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   annotated within 4 %, leave one out: grid score {grid}/{recordings.Count} level model {chosen}/{recordings.Count} any level {any}/{recordings.Count}"));

        var final = ConditionalLogitFit.Fit(guide.Select(g => g.Track).Concat(recordings).ToList(), l2);
        string Array(double[] values) => "[" + string.Join(", ", values.Select(x => x.ToString("G6", CultureInfo.InvariantCulture))) + "]";
        Console.WriteLine("coefficients (MetricalLevelModel.Default):");
        Console.WriteLine($"        Mean: {Array(final.Mean)},");
        Console.WriteLine($"        Scale: {Array(final.Scale)},");
        Console.WriteLine($"        Weights: {Array(final.Weights)});");
    }
}
