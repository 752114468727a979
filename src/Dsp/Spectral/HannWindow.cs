namespace GenreOrleans.Dsp.Spectral;

/// <summary>The periodic ("fftbins") Hann window, as <c>scipy.signal.get_window('hann', n)</c>.</summary>
public static class HannWindow
{
    public static double[] Periodic(int length)
    {
        var window = new double[length];
        for (var n = 0; n < length; n++)
            window[n] = 0.5 - 0.5 * Math.Cos(2.0 * Math.PI * n / length);
        return window;
    }
}
