using Tinjau.Portal.Web.Services;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPortal();

var app = builder.Build();

app.UsePortal();

await app.RunAsync();

public partial class Program;
