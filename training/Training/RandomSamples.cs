namespace GenreOrleans.Training.Training;

/// <summary>
/// Draws from the distributions training needs with only <see cref="Random"/>: the standard normal
/// (summary noise) and the symmetric Beta(α, α) (mixup's blend weight).
/// </summary>
public static class RandomSamples
{
    /// <summary>Box-Muller: one standard normal from two uniforms.</summary>
    public static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static double Beta(Random random, double alpha)
    {
        var x = Gamma(random, alpha);
        var y = Gamma(random, alpha);
        return x + y > 0 ? x / (x + y) : 0.5;
    }

    // Marsaglia and Tsang's method; shapes below 1 are drawn at shape + 1 and scaled by U^(1/shape).
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
            return Gamma(random, shape + 1) * Math.Pow(1.0 - random.NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = StandardNormal(random);
                v = 1 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            var u = 1.0 - random.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))
                return d * v;
        }
    }
}
