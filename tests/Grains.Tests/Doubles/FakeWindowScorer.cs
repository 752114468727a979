using GenreOrleans.Analysis.Pipeline;

namespace GenreOrleans.Grains.Tests.Doubles;

/// <summary>
/// Test double for the genre model: window w's scores are derived from its first mel value, so a
/// test can check that every window came back in its own place. Records each forward pass.
/// </summary>
internal sealed class FakeWindowScorer(string version = "fake-1", int genreCount = 3, int familyCount = 2) : IWindowScorer
{
    private readonly List<int> _passSizes = [];

    public Func<WindowBatch, Task>? BeforePass { get; set; }

    public IReadOnlyList<int> PassSizes
    {
        get { lock (_passSizes) return [.. _passSizes]; }
    }

    public async Task<WindowScores> ScoreAsync(WindowBatch batch, CancellationToken cancellationToken = default)
    {
        lock (_passSizes)
            _passSizes.Add(batch.WindowCount);
        if (BeforePass is not null)
            await BeforePass(batch);

        var melPerWindow = batch.MelBands * batch.FramesPerWindow;
        var genres = new float[batch.WindowCount * genreCount];
        var families = new float[batch.WindowCount * familyCount];
        for (var w = 0; w < batch.WindowCount; w++)
        {
            genres[w * genreCount] = batch.Mel[w * melPerWindow];
            families[w * familyCount] = batch.Mel[w * melPerWindow];
        }
        return new WindowScores(genres, families, batch.WindowCount, genreCount, familyCount, version);
    }

    /// <summary>A batch whose window w has first mel value <c>firstValue + w</c>.</summary>
    public static WindowBatch NumberedBatch(int windows, float firstValue = 0, int bands = 4, int frames = 3, int summary = 2)
    {
        var mel = new float[windows * bands * frames];
        for (var w = 0; w < windows; w++)
            mel[w * bands * frames] = firstValue + w;
        return new WindowBatch(mel, new float[windows * summary], windows, bands, frames, summary);
    }
}
