using GenreOrleans.Dsp.Spectral;

namespace GenreOrleans.Dsp.Tests.Spectral;

public class PowerToDbTests
{
    [Fact]
    public void Converting_many_values_at_once_matches_converting_each_one()
    {
        var random = new Random(7);
        // Powers from far below amin up to large values, zeros, and lengths that leave a scalar tail.
        var values = Enumerable.Range(0, 1_027)
            .Select(i => i % 97 == 0 ? 0f : (float)Math.Pow(10, random.NextDouble() * 16 - 13))
            .ToArray();
        var toDb = new PowerToDb(reference: 1.0, amin: 1e-10, topDb: null);
        var expected = values.Select(toDb.Decibels).ToArray();

        toDb.ConvertInPlace(values);

        for (var i = 0; i < values.Length; i++)
            Assert.Equal(expected[i], values[i], 1e-4f);
    }

    [Fact]
    public void The_floor_is_top_db_below_the_loudest_value()
    {
        float[] values = [1f, 1e-3f, 1e-9f, 1e-12f, 0f];

        new PowerToDb(reference: 1.0, amin: 1e-10, topDb: 80.0).ConvertInPlace(values);

        Assert.Equal([0f, -30f, -80f, -80f, -80f], values.Select(v => MathF.Round(v, 3)).ToArray());
    }
}
