// The namespaces every file of this service uses.
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
global using System.Text.Json;
global using System.Text.Json.Nodes;
global using Tinjau.Inspections.Api.Apis;
global using Tinjau.Inspections.Api.Application;
global using Tinjau.Inspections.Api.Data;
global using Tinjau.Inspections.Api.Domain;
global using Tinjau.Inspections.Api.Infrastructure;
global using Tinjau.Inspections.Api.IntegrationEvents;
global using Tinjau.Messaging;
global using Tinjau.UnitRegistry.Contracts;
