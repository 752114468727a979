using GenreOrleans.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGenreWeb();

var app = builder.Build();
app.UseGenreWeb();
app.Run();

public partial class Program;
