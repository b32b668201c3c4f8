using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;
using Tinjau.Inspections.Api.Data;
using Tinjau.Inspections.Api.Infrastructure;
using Tinjau.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddTinjauAuthentication(audience: "inspections");
builder.AddNpgsqlDbContext<InspectionsDb>(ResourceNames.InspectionsDb, configureDbContextOptions: o => o.UseSnakeCaseNamingConvention());
builder.AddRedisClient(ResourceNames.Cache);
builder.AddMessaging<InspectionsDb>();
builder.AddInspections();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

if (app.Environment.IsDevelopment())
{
    app.MapOpenApi();
    app.MapScalarApiReference();
}

app.MapDefaultEndpoints();
app.MapInspectionsApis();

await app.MigrateDbContextAsync<InspectionsDb>(SeedData.SeedAsync);
await app.RunAsync();

public partial class Program;
