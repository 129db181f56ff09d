import { Controller, Get, Post } from '@nestjs/common';
import { Can, Public } from './decorators.js';
import { routeRules, routesWithoutRule } from './route-rules.js';

@Controller('ok')
class RuledController {
  @Get() @Can('task.list') list() {}
  @Post('login') @Public() login() {}
  helper() {}
}

@Controller('forgot')
class ForgotController {
  @Get() @Can('task.list') list() {}
  @Post() create() {}
}

@Public()
@Controller('open')
class OpenController {
  @Get() read() {}
}

describe('every route names its access rule', () => {
  it('lists each route handler with its rule, skipping plain methods', () => {
    expect(routeRules([RuledController])).toEqual([
      { handler: 'RuledController.list', method: 'GET', rule: 'task.list' },
      { handler: 'RuledController.login', method: 'POST', rule: 'public' },
    ]);
  });

  it('names a route with neither @Can nor @Public', () => {
    expect(routesWithoutRule([RuledController, ForgotController, OpenController])).toEqual(['ForgotController.create']);
  });
});
