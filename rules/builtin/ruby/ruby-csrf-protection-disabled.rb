class PaymentsController < ApplicationController
  # ruleid: ruby-csrf-protection-disabled
  skip_before_action :verify_authenticity_token
  # ruleid: ruby-csrf-protection-disabled
  protect_from_forgery with: :null_session
  # ok: ruby-csrf-protection-disabled
  protect_from_forgery with: :exception
  # ok: ruby-csrf-protection-disabled
  before_action :authenticate_user!
end
