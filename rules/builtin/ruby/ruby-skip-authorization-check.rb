class ReportsController < ApplicationController
  # ruleid: ruby-skip-authorization-check
  skip_after_action :verify_authorized
  # ruleid: ruby-skip-authorization-check
  skip_before_action :require_admin!
  # ok: ruby-skip-authorization-check
  skip_after_action :verify_authorized, only: [:index]
  # ok: ruby-skip-authorization-check
  before_action :require_admin!
end
