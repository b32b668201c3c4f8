using Tinjau.Identity.Api.Data;
using Tinjau.Identity.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityService();

var app = builder.Build();
app.MapIdentityService();

await app.MigrateDbContextAsync<IdentityDb>(IdentitySeed.SeedAsync);
await app.RunAsync();

public partial class Program;
