global using Marketplace.TestSupport;
global using Microsoft.Playwright;
global using Xunit;
